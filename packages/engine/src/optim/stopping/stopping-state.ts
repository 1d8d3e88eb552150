/**
 * StoppingState: runs the protocol of criterion.ts for a loop, counting the iterations.
 *
 *   const stopping = new StoppingState(anyOf(new MaxIterations(500), new LossBelow(1e-8)), params);
 *   while (!stopping.stopped) {
 *     opt.zeroGrad();
 *     const loss = lossFn();
 *     loss.backward();
 *     opt.step();
 *     stopping.update(loss);        // iteration t = 1, 2, …; params read again each time
 *   }
 *   stopping.iteration; stopping.reason;
 *
 * The constructor resets the criterion and, with params, makes the iteration-0 call (so
 * ParameterChangeBelow measures the first update too, and MaxIterations(0) stops at once).
 * `update(loss)` counts one more update and passes { iteration, loss, params }. Once stopped,
 * further update() calls throw (start a new run with restart()).
 */
import type { Tensor } from '../../tensor/tensor.js';
import type { StopDecision, StoppingCriterion } from './criterion.js';

export class StoppingState {
  /** Updates counted so far. */
  iteration = 0;
  stopped = false;
  reason: string | undefined = undefined;
  private readonly params: Tensor[] | undefined;

  constructor(
    readonly criterion: StoppingCriterion,
    params?: Iterable<Tensor>,
  ) {
    this.params = params === undefined ? undefined : [...params];
    this.restart();
  }

  /** Forgets the run: iteration 0, the criterion reset (and told the starting parameters). */
  restart(): void {
    this.iteration = 0;
    this.stopped = false;
    this.reason = undefined;
    this.criterion.reset();
    if (this.params !== undefined) this.record(this.criterion.update({ iteration: 0, params: this.params }));
  }

  /** Counts one update (call it after opt.step()) with this iteration's loss; true if stopped. */
  update(loss?: number | Tensor): boolean {
    if (this.stopped) throw new Error(`StoppingState.update: the run already stopped at iteration ${this.iteration} (${this.reason}); call restart() to start another.`);
    this.iteration += 1;
    return this.record(this.criterion.update({ iteration: this.iteration, loss, params: this.params }));
  }

  private record(decision: StopDecision): boolean {
    if (decision.stop) {
      this.stopped = true;
      this.reason = decision.reason;
    }
    return this.stopped;
  }
}
