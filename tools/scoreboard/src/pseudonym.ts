/**
 * Pseudonymous ids: HMAC-SHA256(salt, id), hex, the first 16 characters (64 bits), with a prefix.
 * Stable for one salt; without the salt nobody can recompute them from a class list (an unsalted
 * hash of every id could be listed and compared, an HMAC with a secret key cannot).
 */
import { createHmac } from 'node:crypto';

export const PSEUDONYM_PREFIX = 'anon-';
const HEX_CHARS = 16;

/** The salt from --salt or SCOREBOARD_SALT; refuses a missing or empty one. */
export function requireSalt(cliSalt: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const salt = cliSalt ?? env.SCOREBOARD_SALT;
  if (salt === undefined || salt === '') {
    throw new Error('--pseudonymous needs a secret salt: pass --salt SECRET or set SCOREBOARD_SALT (keep it secret and the same all term, so pseudonyms stay stable)');
  }
  return salt;
}

export function pseudonym(id: string, salt: string): string {
  if (salt === '') throw new Error('pseudonym: the salt must not be empty');
  return PSEUDONYM_PREFIX + createHmac('sha256', salt).update(id, 'utf8').digest('hex').slice(0, HEX_CHARS);
}

export function pseudonymizer(salt: string): (id: string) => string {
  if (salt === '') throw new Error('pseudonym: the salt must not be empty');
  return (id) => pseudonym(id, salt);
}
