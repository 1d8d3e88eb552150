import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Seals on passes, so that batch grading counts only passes the grader itself saw. The student's
 * code runs in the same test worker as the grader and can reach vitest's channel to the main
 * process (and the result objects vitest sends over it), so it could report any test as passed.
 * It cannot make a seal: that takes a key the trusted process hands the worker in its
 * environment, which the sandbox's first setup file takes out before any student code loads,
 * and which then lives only in this module's closure. graded() seals an item when its body
 * returns without a failure; the trusted process (tools/grade's grade-one) counts a reported pass
 * only with the right seal. A local run (dlgrade) has no key, seals nothing and checks nothing.
 */

/** The environment variable through which the trusted process hands the worker its key. */
export const SEAL_KEY_ENV = 'DLGRADE_SEAL_KEY';

/** The test's meta field a seal travels in (vitest sends a test's meta with its result). */
export const SEAL_META = 'gradingSeal';

// Kept from when this module loaded, before any student code could replace crypto's exports.
const hmacOf = (key: string, itemKey: string): string => createHmac('sha256', key).update(`passed ${itemKey}`).digest('hex');
let key: string | undefined;

/** Takes the key out of the environment; the first call that finds one keeps it (setup, before the student's code). */
export function takeSealKey(): void {
  const value = process.env[SEAL_KEY_ENV];
  delete process.env[SEAL_KEY_ENV];
  if (key === undefined && value) key = value;
}

/** The seal of a pass of this rubric item, or undefined without a key (a local run). */
export function sealPass(itemKey: string): string | undefined {
  return key === undefined ? undefined : hmacOf(key, itemKey);
}

/** Trusted side: whether `seal` is the seal of a pass of `itemKey` under `sealKey`. */
export function isSealedPass(sealKey: string, itemKey: string, seal: unknown): boolean {
  if (typeof seal !== 'string') return false;
  const expected = Buffer.from(hmacOf(sealKey, itemKey));
  const got = Buffer.from(seal);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
