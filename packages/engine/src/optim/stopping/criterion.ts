/**
 * Stopping criteria: objects that watch a training loop and say when to stop.
 *
 * The protocol, which every criterion here follows exactly:
 *
 *   const stop = anyOf(new MaxIterations(1000), new LossBelow(1e-6));
 *   stop.reset();
 *   stop.update({ iteration: 0, params });            // optional: registers the start w₀
 *   for (let t = 1; ; t++) {
 *     opt.zeroGrad();
 *     const loss = lossFn();                          // L(w_{t−1})
 *     loss.backward();
 *     opt.step();                                     // w_{t−1} → w_t
 *     if (stop.update({ iteration: t, loss, params }).stop) break;
 *   }
 *
 * - `iteration` is the number of updates made so far: t after the t-th `opt.step()`, 0 before
 *   the first. Criteria that count (MaxIterations) read it; none of them counts calls.
 * - `loss` is whatever loss the loop has for this iteration (a number or a one-element
 *   tensor); in the loop above it is L(w_{t−1}), computed in the forward pass of update t. A
 *   criterion that needs it throws if it is missing at an iteration ≥ 1; at iteration 0 it may
 *   be left out.
 * - `params` are the parameters' values now (w_t, after update t). ParameterChangeBelow keeps
 *   a copy to compare with the next call.
 * - `update` returns `{ stop: true, reason }` at the call where the criterion fires, and
 *   `{ stop: false }` otherwise. Calling it again after it fired is allowed; whether it fires
 *   again is up to the criterion (each file says).
 * - `reset()` forgets everything seen, so that the object can watch a new run.
 *
 * `StoppingState` (stopping-state.ts) runs this protocol for you, counting the iterations.
 */
import { Tensor } from '../../tensor/tensor.js';

export interface StoppingInfo {
  /** Updates made so far (0 before the first optimizer step). */
  iteration: number;
  /** This iteration's loss, a number or a one-element tensor. */
  loss?: number | Tensor;
  /** The parameters' current values. */
  params?: Iterable<Tensor>;
}

export interface StopDecision {
  stop: boolean;
  /** Why it stopped, for people ("LossBelow: loss 9.5e-7 < 1e-6 at iteration 57"). */
  reason?: string;
}

export interface StoppingCriterion {
  update(info: StoppingInfo): StopDecision;
  reset(): void;
}

export const CONTINUE: StopDecision = Object.freeze({ stop: false }) as StopDecision;

/** Checks the iteration is an integer ≥ 0. */
export function checkIteration(who: string, iteration: unknown): number {
  if (typeof iteration !== 'number' || !Number.isInteger(iteration) || iteration < 0) {
    throw new TypeError(`${who}.update: iteration must be an integer ≥ 0 (the number of updates made so far), got ${String(iteration)}.`);
  }
  return iteration;
}

/** The loss as a number; undefined if absent (a one-element tensor is read with item()). */
export function lossValue(who: string, loss: number | Tensor | undefined): number | undefined {
  if (loss === undefined || loss === null) return undefined;
  if (loss instanceof Tensor) return loss.item();
  if (typeof loss !== 'number') throw new TypeError(`${who}.update: loss must be a number or a one-element tensor, got ${typeof loss}.`);
  return loss;
}

/** The loss as a number, required from iteration 1 on; undefined only at iteration 0. */
export function requiredLoss(who: string, info: StoppingInfo): number | undefined {
  const iteration = checkIteration(who, info.iteration);
  const loss = lossValue(who, info.loss);
  if (loss === undefined && iteration > 0) {
    throw new Error(`${who}.update: needs the loss ({ iteration, loss, params }) but none was given at iteration ${iteration}.`);
  }
  return loss;
}

/** Numbers in messages: short, but exact enough to compare with a threshold. */
export function fmt(x: number): string {
  return Number.isInteger(x) || !Number.isFinite(x) ? String(x) : x.toPrecision(6).replace(/\.?0+(e|$)/, '$1');
}
