/**
 * ParameterChangeBelow(tol, { norm }): stop when an update moved the parameters by less than
 * tol.
 *
 * Each call copies the parameters' values. At a call that has a copy from the previous call
 * (since the last reset()), it computes the change Δ = w − w_prev over all parameters together,
 * as one long vector, and fires exactly when ‖Δ‖ < tol (strictly; a NaN change never fires):
 *
 *   norm 'l2' (default):  ‖Δ‖ = √(Σ Δᵢ²)
 *   norm 'max':           ‖Δ‖ = maxᵢ |Δᵢ|
 *
 * With the call at iteration 0 (before the first step) and one call after every step, the
 * change measured at iteration t is that of update t, ‖w_t − w_{t−1}‖. Without the iteration-0
 * call, the first call only records w and cannot fire, so the first update's change is never
 * measured. The parameters must keep their number and shapes from call to call. A call after it
 * fired fires again if that update was small too. reset() forgets the copy.
 */
import type { Tensor } from '../../tensor/tensor.js';
import { formatShape } from '../../tensor/shape.js';
import { checkIteration, CONTINUE, fmt, type StopDecision, type StoppingCriterion, type StoppingInfo } from './criterion.js';

export type ParameterNorm = 'l2' | 'max';

export class ParameterChangeBelow implements StoppingCriterion {
  readonly norm: ParameterNorm;
  private previous: { shape: readonly number[]; values: Float64Array }[] | null = null;

  constructor(
    readonly tol: number,
    options: { norm?: ParameterNorm } = {},
  ) {
    if (typeof tol !== 'number' || !(tol > 0) || tol === Infinity) {
      throw new RangeError(`ParameterChangeBelow: tol must be a finite number > 0 (it fires when the change is < tol), got ${String(tol)}.`);
    }
    this.norm = options.norm ?? 'l2';
    if (this.norm !== 'l2' && this.norm !== 'max') {
      throw new RangeError(`ParameterChangeBelow: norm must be 'l2' or 'max', got '${String(this.norm)}'.`);
    }
  }

  update(info: StoppingInfo): StopDecision {
    const iteration = checkIteration('ParameterChangeBelow', info.iteration);
    if (info.params === undefined || info.params === null) {
      throw new Error(`ParameterChangeBelow.update: needs the parameters ({ iteration, loss, params }) but none were given at iteration ${iteration}.`);
    }
    const current = [...info.params].map((p: Tensor) => ({ shape: [...p.shape], values: Float64Array.from(p.toTypedArray()) }));
    const previous = this.previous;
    this.previous = current;
    if (previous === null) return CONTINUE;
    if (previous.length !== current.length) {
      throw new Error(`ParameterChangeBelow.update: got ${current.length} parameters at iteration ${iteration} but ${previous.length} at the previous call.`);
    }
    let sumSq = 0;
    let max = 0;
    current.forEach((c, i) => {
      const p = previous[i];
      if (p.values.length !== c.values.length || p.shape.length !== c.shape.length || p.shape.some((d, k) => d !== c.shape[k])) {
        throw new Error(
          `ParameterChangeBelow.update: parameter ${i} has shape ${formatShape(c.shape)} at iteration ${iteration} but ${formatShape(p.shape)} at the previous call.`,
        );
      }
      for (let k = 0; k < c.values.length; k++) {
        const d = c.values[k] - p.values[k];
        sumSq += d * d;
        const a = Math.abs(d);
        if (Number.isNaN(a)) max = NaN;
        else if (a > max) max = a;
      }
    });
    const change = this.norm === 'l2' ? Math.sqrt(sumSq) : max;
    if (change < this.tol) {
      return { stop: true, reason: `ParameterChangeBelow: ${this.norm} change ${fmt(change)} < ${fmt(this.tol)} at iteration ${iteration}` };
    }
    return CONTINUE;
  }

  reset(): void {
    this.previous = null;
  }
}
