/** A FinalizationRegistry whose callbacks can also be run on demand, inside synchronous code. */
export interface CollectableRegistry<T> {
  register(target: object, held: T): void;
  /** Runs the callbacks of targets already collected (a no-op where the engine cannot). */
  collect(): void;
  /** A full garbage collection, then collect() (a no-op where the engine cannot). */
  collectGarbage(): void;
}

/** The standard registry: callbacks run only when the event loop turns. */
export function eventLoopRegistry<T>(callback: (held: T) => void): CollectableRegistry<T> {
  const registry = new FinalizationRegistry<T>(callback);
  return { register: (target, held) => registry.register(target, held), collect: () => {}, collectGarbage: () => {} };
}
