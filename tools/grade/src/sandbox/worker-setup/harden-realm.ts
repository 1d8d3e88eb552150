/**
 * Runs in the test worker before the student's code loads: the built-ins and the grading
 * helpers become tamper-proof (the parent words V8's error for a frozen built-in the same way,
 * see grade-from-events.ts), so a submission cannot make a wrong answer look right by
 * replacing Math.abs, Array.prototype.map, the tolerances or fast-check. Replacing one throws an
 * error that names what was touched. The harness itself keeps working: properties a library
 * sets on its own objects (an error's name, a class's toString) still go on those objects.
 */
import fc from 'fast-check';
import { beforeEach, expect } from 'vitest';
import * as grading from '@dlcourse/grading';
import * as engine from '@dlcourse/engine';
import { FROZEN_BUILT_INS } from './frozen-built-ins.js';
import { SANDBOX_MESSAGES, say, workerLanguage } from './messages.js';

const TypedArray = Object.getPrototypeOf(Int8Array) as { prototype: object };
const TYPED_ARRAYS = [Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array];

/**
 * Objects whose properties code inherits and may set on its own objects (`this.name = …` on an
 * error, `toString` on a plain object): each property becomes a getter/setter pair (tamperProof).
 */
const PROTOTYPES: [string, object][] = [
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
  ['ArrayBuffer.prototype', ArrayBuffer.prototype],
  ['String', String],
  ['Promise', Promise],
];

/**
 * Prototypes whose `constructor` V8 watches: redefining it (even frozen, same value) switches off
 * the fast paths of every typed array's subarray/slice/map and of object literals (a training
 * step went from 4 to 21 ms). They get the getters for every other property and no new
 * properties; `constructor` is checked before each test instead.
 */
const CONSTRUCTOR_WATCHED: [string, { prototype: object }][] = [
  ['Object', Object],
  ['TypedArray', TypedArray],
  ...TYPED_ARRAYS.map((c) => [c.name, c] as [string, { prototype: object }]),
];

/**
 * Freezes target; each writable data property becomes a getter/setter pair. Assigning through
 * the target itself throws a clear error; assigning on an object that inherits from it defines
 * the property on that object, as it would have before the freeze (SES calls this fixing the
 * "override mistake"), so ordinary code such as `this.name = 'MyError'` keeps working.
 */
function tamperProof(label: string, target: object, keepConstructor = false): void {
  if (Object.isFrozen(target)) return;
  for (const key of Reflect.ownKeys(target)) {
    if (keepConstructor && key === 'constructor') continue;
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
          throw new TypeError(say(workerLanguage(), SANDBOX_MESSAGES.cannotReplace, name));
        }
        Object.defineProperty(this, key, { value: replacement, writable: true, enumerable: true, configurable: true });
      },
      enumerable: descriptor.enumerable,
      configurable: false,
    });
  }
  if (keepConstructor) Object.preventExtensions(target);
  else Object.freeze(target);
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

for (const [, builtIn] of FROZEN_BUILT_INS) Object.freeze(builtIn);
for (const [name, prototype] of PROTOTYPES) tamperProof(name, prototype);
for (const [name, constructor] of CONSTRUCTOR_WATCHED) tamperProof(`${name}.prototype`, constructor.prototype, true);
// Checked against the constructors themselves (their `prototype` cannot be replaced), not values
// read here: with isolate: false this file runs again before each test file, after the
// student's code may have replaced one.
beforeEach(() => {
  for (const [name, constructor] of CONSTRUCTOR_WATCHED) {
    if ((constructor.prototype as { constructor: unknown }).constructor !== constructor) throw new TypeError(say(workerLanguage(), SANDBOX_MESSAGES.cannotReplace, `${name}.prototype.constructor`));
  }
});
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
    throw new Error(say(workerLanguage(), SANDBOX_MESSAGES.killRefused));
  });
}
