// A valid alternative: backward() orders the nodes with Kahn's algorithm instead of a DFS —
// count how many times each node is consumed, start from the output, and pass a node on once
// all its consumers have been processed (its count reaches 0). No recursion anywhere.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.backward = function backward(this: Value): void {
  // Every node reachable from the output, and how many edges lead into it from its consumers.
  const consumers = new Map<Value, number>([[this, 0]]);
  const pending: Value[] = [this];
  while (pending.length > 0) {
    const v = pending.pop()!;
    for (const child of v.children) {
      const seen = consumers.has(child);
      consumers.set(child, (consumers.get(child) ?? 0) + 1);
      if (!seen) pending.push(child);
    }
  }
  for (const v of consumers.keys()) if (!v.isLeaf) v.grad = 0;
  this.grad += 1;
  const ready: Value[] = [this];
  while (ready.length > 0) {
    const v = ready.shift()!;
    v.backwardStep();
    for (const child of v.children) {
      const left = consumers.get(child)! - 1;
      consumers.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
};
