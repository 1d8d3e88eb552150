/**
 * Divergence({ factor = 1e3, patience = 1, lowerBound = 0 }): stop when training blows up.
 *
 * At each call with a loss L (from iteration 1 on the loss is required; at iteration 0 it may
 * be left out):
 *
 * - if L is not finite (NaN, +∞ or −∞), it fires at once, whatever the patience;
 * - otherwise the call is "bad" when L − b > factor × (best − b), where b = lowerBound and best
 *   is the smallest loss of the earlier calls since reset() (the first loss is never bad);
 *   it fires at the call that makes `patience` bad calls in a row (a call that is not bad
 *   resets the count to 0).
 *
 * It keeps firing at later calls while the condition holds. reset() forgets best and the count.
 *
 * Why the ratio is taken above a lower bound: for a loss ≥ 0 (squared error, cross-entropy)
 * lowerBound = 0 gives the plain test L > factor × best. A loss that can be negative needs a
 * lowerBound ≤ its smallest possible value, or the ratio means nothing; a loss below
 * lowerBound is an error. A lowerBound a little below the true minimum (e.g. −1e-8 for a loss
 * ≥ 0) also makes the test ignore noise once the loss has reached ~0 (else a best of 1e-15
 * followed by 1e-11, harmless, would count as divergence).
 *
 * Why factor = 1e3 by default: a healthy run's loss fluctuates, stochastic minibatch losses by
 * factors of 2–10 in early epochs and after a learning-rate bump, so the small factors of a
 * learning-rate finder (fastai stops at 4 × best) would stop healthy runs; but a real
 * divergence is geometric (plain gradient descent with too large a step on a quadratic
 * multiplies the loss by (1 − ηλ)² per step, e.g. 4 for ηλ = 3), so it passes 1000 × best
 * within about ten steps, long before it overflows to ∞ (hundreds of steps). Three orders of
 * magnitude above the best loss is not a plateau or noise in any problem of this course.
 */
import { CONTINUE, fmt, requiredLoss, type StopDecision, type StoppingCriterion, type StoppingInfo } from './criterion.js';

export interface DivergenceOptions {
  /** The loss may grow to factor × its best (above lowerBound) before it counts as bad; > 1. */
  factor?: number;
  /** How many bad calls in a row fire it (integer ≥ 1). Non-finite losses fire at once. */
  patience?: number;
  /** A number ≤ every possible loss (0 for losses ≥ 0). */
  lowerBound?: number;
}

export class Divergence implements StoppingCriterion {
  readonly factor: number;
  readonly patience: number;
  readonly lowerBound: number;
  private best = Infinity;
  private bad = 0;

  constructor(options: DivergenceOptions = {}) {
    this.factor = options.factor ?? 1e3;
    this.patience = options.patience ?? 1;
    this.lowerBound = options.lowerBound ?? 0;
    if (typeof this.factor !== 'number' || !(this.factor > 1) || this.factor === Infinity) {
      throw new RangeError(`Divergence: factor must be a finite number > 1 (the loss may grow to factor × its best), got ${String(this.factor)}.`);
    }
    if (!Number.isInteger(this.patience) || this.patience < 1) {
      throw new RangeError(`Divergence: patience must be an integer ≥ 1 (bad iterations in a row), got ${String(this.patience)}.`);
    }
    if (typeof this.lowerBound !== 'number' || !Number.isFinite(this.lowerBound)) {
      throw new RangeError(`Divergence: lowerBound must be a finite number, got ${String(this.lowerBound)}.`);
    }
  }

  update(info: StoppingInfo): StopDecision {
    const loss = requiredLoss('Divergence', info);
    if (loss === undefined) return CONTINUE;
    const iteration = info.iteration;
    if (!Number.isFinite(loss)) {
      this.bad += 1;
      return { stop: true, reason: `Divergence: the loss is ${loss} at iteration ${iteration}` };
    }
    if (loss < this.lowerBound) {
      throw new RangeError(
        `Divergence.update: the loss ${fmt(loss)} at iteration ${iteration} is below lowerBound ${fmt(this.lowerBound)}; ` +
          `pass a lowerBound ≤ the smallest possible loss (e.g. new Divergence({ lowerBound: -10 })).`,
      );
    }
    const b = this.lowerBound;
    const isBad = this.best !== Infinity && loss - b > this.factor * (this.best - b);
    this.bad = isBad ? this.bad + 1 : 0;
    if (loss < this.best) this.best = loss;
    if (this.bad >= this.patience) {
      const inRow = this.patience > 1 ? ` for ${this.bad} iterations in a row` : '';
      return {
        stop: true,
        reason: `Divergence: the loss ${fmt(loss)} at iteration ${iteration} is above ${fmt(this.factor)} × the best loss ${fmt(this.best)}${b !== 0 ? ` (measured above ${fmt(b)})` : ''}${inRow}`,
      };
    }
    return CONTINUE;
  }

  reset(): void {
    this.best = Infinity;
    this.bad = 0;
  }
}
