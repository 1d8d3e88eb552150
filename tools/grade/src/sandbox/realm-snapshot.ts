/**
 * grade-one grades submission after submission in one process and never runs a student's code,
 * but it does take in what a worker sends over vitest's channel. Should anything ever get through
 * that channel to its built-ins (a polluted `Object.prototype`, a replaced `JSON.parse`), the
 * next student must not be graded by that process: grade-one compares its built-ins with this
 * snapshot after every job and, when they differ, says so and ends (protocol.ts `done.intact`).
 */

/**
 * The shared objects whose change would reach code that never asked for it, by the global name
 * that holds them. `globalThis` itself is not among them: vitest and Node add and replace globals
 * as they run (expect's matcher state, lazily materialised `Performance`), but each name below must
 * still hold the same object.
 */
function watchedObjects(): Array<[string, object]> {
  const objects: Array<[string, object]> = [];
  const constructors = [Object, Function, Array, String, Number, Boolean, Symbol, BigInt, Promise, RegExp, Date, Error, TypeError, RangeError, Map, Set, WeakMap, WeakSet, ArrayBuffer, Uint8Array, Float32Array, Float64Array, Int32Array];
  for (const ctor of constructors) {
    objects.push([ctor.name, ctor], [`${ctor.name}.prototype`, ctor.prototype as object]);
  }
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  objects.push(['TypedArray', typedArray], ['TypedArray.prototype', typedArray.prototype], ['JSON', JSON], ['Math', Math], ['Reflect', Reflect], ['Atomics', Atomics]);
  return objects;
}

/** V8's hooks on Error that tools set for their stack traces (vitest's source maps do): not built-ins. */
const STACK_HOOKS = new Set<string | symbol>(['prepareStackTrace', 'stackTraceLimit']);

/** Each own property of an object: its key, and the value or accessors it holds (compared by identity). */
type Shape = Map<string | symbol, readonly unknown[]>;

function shapeOf(object: object): { proto: unknown; extensible: boolean; props: Shape } {
  const props: Shape = new Map();
  for (const key of Reflect.ownKeys(object)) {
    if (object === Error && STACK_HOOKS.has(key)) continue;
    const d = Reflect.getOwnPropertyDescriptor(object, key)!;
    props.set(key, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
  }
  return { proto: Reflect.getPrototypeOf(object), extensible: Reflect.isExtensible(object), props };
}

/** Where a watched object is reachable by a global name: that name must still lead to it. */
function globalBinding(name: string): unknown {
  const [head, tail] = name.split('.');
  // %TypedArray% has no global name: it is reached as Uint8Array's prototype.
  const value = head === 'TypedArray' ? (Object.getPrototypeOf(Uint8Array) as unknown) : (globalThis as Record<string, unknown>)[head!];
  return tail ? (value as Record<string, unknown> | undefined)?.[tail] : value;
}

export interface RealmSnapshot {
  /** What differs now from when the snapshot was taken ("Object.prototype: polluted added"), or [] when nothing does. */
  changes(): string[];
}

export function snapshotRealm(): RealmSnapshot {
  const before = watchedObjects().map(([name, object]) => [name, object, shapeOf(object)] as const);
  return {
    changes() {
      const found: string[] = [];
      for (const [name, object, then] of before) {
        const now = shapeOf(object);
        if (globalBinding(name) !== object) found.push(`${name} no longer names the built-in`);
        if (now.proto !== then.proto) found.push(`${name}: its prototype was replaced`);
        if (now.extensible !== then.extensible) found.push(`${name}: its extensibility changed`);
        for (const [key, held] of now.props) {
          const was = then.props.get(key);
          if (!was) found.push(`${name}: ${String(key)} added`);
          else if (held.some((v, i) => !Object.is(v, was[i]))) found.push(`${name}: ${String(key)} changed`);
        }
        for (const key of then.props.keys()) {
          if (!now.props.has(key)) found.push(`${name}: ${String(key)} removed`);
        }
      }
      return found;
    },
  };
}
