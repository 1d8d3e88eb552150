/**
 * Runs in the test worker before the student's code loads: the built-ins and the grading
 * helpers become tamper-proof, so a submission cannot make a wrong answer look right by
 * replacing Math.abs, Array.prototype.map, the tolerances or fast-check. Replacing one throws an
 * error that names what was touched. The harness itself keeps working: properties a library
 * sets on its own objects (an error's name, a class's toString) still go on those objects.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import * as grading from '@dlcourse/grading';
import * as engine from '@dlcourse/engine';

const TypedArray = Object.getPrototypeOf(Int8Array) as { prototype: object };

const NAMESPACES: [string, object][] = [
  ['Math', Math],
  ['JSON', JSON],
  ['Reflect', Reflect],
  ['Atomics', Atomics],
];
const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['Number.prototype', Number.prototype],
  ['String.prototype', String.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol.prototype', Symbol.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Error.prototype', Error.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['TypedArray.prototype', TypedArray.prototype],
  ...[Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array].map(
    (c) => [`${c.name}.prototype`, c.prototype] as [string, object],
  ),
  ['ArrayBuffer.prototype', ArrayBuffer.prototype],
];
/** Constructors whose static functions the graders call (Array.from, Number.isFinite, Object.is …). */
const CONSTRUCTORS: [string, object][] = [
  ['Object', Object],
  ['Array', Array],
  ['Number', Number],
  ['String', String],
  ['Promise', Promise],
  ['Float32Array', Float32Array],
  ['Float64Array', Float64Array],
];

/**
 * Freezes target; each writable data property becomes a getter/setter pair. Assigning through
 * the target itself throws a clear error; assigning on an object that inherits from it defines
 * the property on that object, as it would have before the freeze (SES calls this fixing the
 * "override mistake"), so ordinary code such as `this.name = 'MyError'` keeps working.
 */
function tamperProof(label: string, target: object): void {
  if (Object.isFrozen(target)) return;
  for (const key of Reflect.ownKeys(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || !('value' in descriptor) || !descriptor.configurable || !descriptor.writable) continue;
    const value: unknown = descriptor.value;
    const name = `${label}.${String(key)}`;
    Object.defineProperty(target, key, {
      get() {
        return value;
      },
      set(this: unknown, replacement: unknown) {
        if (this === target || (typeof this !== 'object' && typeof this !== 'function') || this === null) {
          throw new TypeError(`${name} cannot be replaced while grading: the graders use it to check your answers. Leave built-ins and the grading helpers as they are.`);
        }
        Object.defineProperty(this, key, { value: replacement, writable: true, enumerable: true, configurable: true });
      },
      enumerable: descriptor.enumerable,
      configurable: false,
    });
  }
  Object.freeze(target);
}

/** The grading kit's and the engine's exports: their objects and their classes' prototypes. */
function hardenExports(label: string, exports: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value === 'function') {
      const prototype = (value as { prototype?: unknown }).prototype;
      if (prototype && typeof prototype === 'object') tamperProof(`${label}.${key}.prototype`, prototype);
      tamperProof(`${label}.${key}`, value);
    } else if (value && typeof value === 'object') {
      hardenDeep(`${label}.${key}`, value, 3);
    }
  }
}

function hardenDeep(label: string, value: object, depth: number): void {
  for (const [key, inner] of Object.entries(value)) {
    if (depth > 0 && inner && typeof inner === 'object') hardenDeep(`${label}.${key}`, inner, depth - 1);
  }
  tamperProof(label, value);
}

for (const [name, global] of [...NAMESPACES, ...PROTOTYPES, ...CONSTRUCTORS]) tamperProof(name, global);
hardenExports('grading', grading);
hardenExports('engine', engine);
tamperProof('fc', fc);
tamperProof('expect', expect);

// A built-in replaced wholesale (globalThis.Math = fake) would reach the graders through the global.
for (const name of ['Math', 'JSON', 'Reflect', 'Object', 'Array', 'Function', 'Number', 'String', 'Boolean', 'Symbol', 'Promise', 'Error', 'Map', 'Set', 'Float32Array', 'Float64Array', 'Int32Array', 'Uint8Array', 'ArrayBuffer']) {
  if (Object.getOwnPropertyDescriptor(globalThis, name)?.configurable) Object.defineProperty(globalThis, name, { writable: false, configurable: false });
}

// The worker may end itself (that only costs the tests not yet run) but not its parent.
if (!Object.isFrozen(process.kill)) {
  process.kill = Object.freeze(() => {
    throw new Error('process.kill is not allowed while grading.');
  });
}
