/**
 * anyOf / allOf: criteria made of criteria.
 *
 * Both pass every call to every child, in order and without short-circuit, so that each child
 * sees every iteration (ParameterChangeBelow keeps its copy, Divergence its best loss).
 *
 * - anyOf(a, b, …) fires exactly at the calls where at least one child fires; the reason lists
 *   every child that fired, joined by "; ".
 * - allOf(a, b, …) fires exactly at the calls where every child fires at that same call (a
 *   child that fired earlier but not now does not count: LossBelow is not "sticky"); the reason
 *   joins all of theirs with " and ".
 *
 * reset() resets every child. At least one child is required.
 */
import type { StopDecision, StoppingCriterion, StoppingInfo } from './criterion.js';
import { CONTINUE } from './criterion.js';

class Combined implements StoppingCriterion {
  constructor(
    private readonly mode: 'any' | 'all',
    readonly criteria: readonly StoppingCriterion[],
  ) {
    const name = mode === 'any' ? 'anyOf' : 'allOf';
    if (criteria.length === 0) throw new RangeError(`${name}: give at least one criterion, e.g. ${name}(new MaxIterations(100), new LossBelow(1e-6)).`);
    criteria.forEach((c, i) => {
      if (c === null || typeof c !== 'object' || typeof c.update !== 'function' || typeof c.reset !== 'function') {
        throw new TypeError(`${name}: argument ${i} is not a stopping criterion (an object with update() and reset()).`);
      }
    });
  }

  update(info: StoppingInfo): StopDecision {
    // A one-shot iterable (a generator) of params is read once and shared by every child.
    const shared: StoppingInfo = info.params === undefined || Array.isArray(info.params) ? info : { ...info, params: [...info.params] };
    const decisions = this.criteria.map((c) => c.update(shared));
    const fired = decisions.filter((d) => d.stop);
    const stop = this.mode === 'any' ? fired.length > 0 : fired.length === decisions.length;
    if (!stop) return CONTINUE;
    const reasons = fired.map((d) => d.reason ?? 'a criterion fired');
    return { stop: true, reason: reasons.join(this.mode === 'any' ? '; ' : ' and ') };
  }

  reset(): void {
    for (const c of this.criteria) c.reset();
  }
}

/** Stops when any of the criteria says stop. */
export function anyOf(...criteria: StoppingCriterion[]): StoppingCriterion {
  return new Combined('any', criteria);
}

/** Stops when all of the criteria say stop at the same call. */
export function allOf(...criteria: StoppingCriterion[]): StoppingCriterion {
  return new Combined('all', criteria);
}
