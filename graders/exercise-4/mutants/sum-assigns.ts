// Mistake: sum's backward assigns out.grad to each entry (v.grad = out.grad), so a value listed
// several times, or also used elsewhere, gets only one contribution.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

export function sum(values: readonly Value[]): Value {
  const children = [...values];
  const out = new Value(children.reduce((s, v) => s + v.data, 0), children, 'sum');
  out.backwardStep = () => {
    for (const v of children) v.grad = out.grad;
  };
  return out;
}
