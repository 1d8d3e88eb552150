import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Seals on passes, so that batch grading counts only passes the grader itself saw. The student's
 * code runs in the same test worker as the grader and can reach vitest's channel to the main
 * process (and the result objects vitest sends over it), so it could report any test as passed.
 * It cannot make a seal: that takes a key the trusted process hands the worker in its
 * environment, which the sandbox's first setup file takes out (takeSealKey) before any student
 * code loads, into graded-test.ts's closure, where nothing exported can reach it. graded() seals
 * an item when its body returns without a failure and no other test declared the same item; the
 * trusted process (tools/grade's grade-one) counts a reported pass only with the right seal. A
 * local run (dlgrade) has no key, seals nothing and checks nothing.
 */

/** The environment variable through which the trusted process hands the worker its key. */
export const SEAL_KEY_ENV = 'DLGRADE_SEAL_KEY';

/** The test's meta field a seal travels in (vitest sends a test's meta with its result). */
export const SEAL_META = 'gradingSeal';

// Kept from when this module loaded, before any student code could replace crypto's exports.
const hmac = createHmac;

/**
 * The seal of a pass of rubric item `itemKey` of `exercise` when `declarations` tests declared
 * it in the worker. Only a count of 1 ever verifies: a second declaration of an item (a
 * submission calling graded() itself) spoils the seals of both.
 */
export function sealOf(sealKey: string, exercise: string, itemKey: string, declarations: number): string {
  return hmac('sha256', sealKey).update(`passed ${exercise} ${itemKey} declared ${declarations}`).digest('hex');
}

/** Trusted side: whether `seal` is the seal of a pass of `itemKey` of `exercise`, declared by exactly one test, under `sealKey`. */
export function isSealedPass(sealKey: string, exercise: string, itemKey: string, seal: unknown): boolean {
  if (typeof seal !== 'string') return false;
  const expected = Buffer.from(sealOf(sealKey, exercise, itemKey, 1));
  const got = Buffer.from(seal);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
