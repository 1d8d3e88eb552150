// Mistake: the topological order is built by a recursive DFS (micrograd's build_topo): right on
// small graphs, but a chain of N ops needs N nested calls and overflows the call stack.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.backward = function backward(this: Value): void {
  const order: Value[] = [];
  const visited = new Set<Value>();
  const build = (v: Value): void => {
    if (visited.has(v)) return;
    visited.add(v);
    for (const child of v.children) build(child);
    order.push(v);
  };
  build(this);
  for (const v of order) if (!v.isLeaf) v.grad = 0;
  this.grad += 1;
  for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
};
