/**
 * MaxIterations(n): stop after exactly n updates.
 *
 * Fires at every call whose `iteration` ≥ n, so in the loop of criterion.ts, where the call
 * after the t-th optimizer step passes iteration t, the loop ends after exactly n steps. With
 * n = 0 it fires at iteration 0 (no update at all), if that call is made. Stateless: reset()
 * does nothing, and once fired it keeps firing.
 */
import { checkIteration, CONTINUE, type StopDecision, type StoppingCriterion, type StoppingInfo } from './criterion.js';

export class MaxIterations implements StoppingCriterion {
  constructor(readonly n: number) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`MaxIterations: n must be an integer ≥ 0 (a number of updates), got ${n}.`);
  }

  update(info: StoppingInfo): StopDecision {
    const iteration = checkIteration('MaxIterations', info.iteration);
    if (iteration >= this.n) return { stop: true, reason: `MaxIterations: reached ${this.n} iteration${this.n === 1 ? '' : 's'}` };
    return CONTINUE;
  }

  reset(): void {}
}
