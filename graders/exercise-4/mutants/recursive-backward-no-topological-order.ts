// Mistake: backward() recurses from the output into the children right away, without a
// topological order: a shared node passes its gradient on once per path, the first time before
// all its consumers have added theirs. Right on trees, wrong on graphs with shared
// sub-expressions (and it nests one call per node of a chain).
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.backward = function backward(this: Value): void {
  const visit = (v: Value): void => {
    v.backwardStep();
    for (const child of v.children) visit(child);
  };
  this.grad = 1;
  visit(this);
};
