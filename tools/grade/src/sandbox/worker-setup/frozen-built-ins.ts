/**
 * The built-ins the test worker freezes as they are (data properties stay data properties), in
 * the order a replaced property's owner is looked up by name for the student's message. Hot loops
 * call them (Math.fround per element, Number.isFinite, Float32Array.from): as getters, the way
 * harden-realm guards the rest, Math's functions made the engine's loops 8× slower (a call
 * through a getter is never inlined). Nothing inherits from these and sets its own version of
 * their properties, so freezing them has no "override mistake" to fix.
 */
export const FROZEN_BUILT_INS: ReadonlyArray<readonly [string, object]> = [
  ['Math', Math],
  ['JSON', JSON],
  ['Reflect', Reflect],
  ['Atomics', Atomics],
  ['Object', Object],
  ['Array', Array],
  ['Number', Number],
  ['Float32Array', Float32Array],
  ['Float64Array', Float64Array],
];

/** The built-in that owns `property` ('Math.abs' for 'abs'), or null: names the replaced built-in in a message. */
export function frozenOwner(property: string): string | null {
  const owner = FROZEN_BUILT_INS.find(([, target]) => Object.prototype.hasOwnProperty.call(target, property));
  return owner ? `${owner[0]}.${property}` : null;
}
