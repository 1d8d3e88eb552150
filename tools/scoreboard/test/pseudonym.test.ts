import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pseudonym, pseudonymizer, requireSalt } from '../src/pseudonym.js';

describe('pseudonyms', () => {
  const ids = ['alice', 'bob', 's1042', 'ada.lovelace', 'Alice'];

  it('are stable for one salt and look like anon-<16 hex>', () => {
    for (const id of ids) {
      expect(pseudonym(id, 'salt-A')).toBe(pseudonym(id, 'salt-A'));
      expect(pseudonym(id, 'salt-A')).toMatch(/^anon-[0-9a-f]{16}$/);
    }
    expect(pseudonym('alice', 'k')).toBe(`anon-${createHmac('sha256', 'k').update('alice').digest('hex').slice(0, 16)}`);
    expect(new Set(ids.map(pseudonymizer('salt-A'))).size).toBe(ids.length);
  });

  it('depend on the salt', () => {
    for (const id of ids) expect(pseudonym(id, 'salt-A')).not.toBe(pseudonym(id, 'salt-B'));
  });

  it('cannot be reversed by hashing a class list without the salt', () => {
    const shown = new Set(ids.map((id) => pseudonym(id, 'the real secret').slice(5)));
    const guesses = ids.flatMap((id) => [
      createHash('sha256').update(id).digest('hex'),
      createHash('sha1').update(id).digest('hex'),
      createHash('md5').update(id).digest('hex'),
      createHmac('sha256', '').update(id).digest('hex'),
      createHmac('sha256', id).update(id).digest('hex'),
      createHmac('sha256', 'salt').update(id).digest('hex'),
      Buffer.from(id).toString('hex'),
    ]);
    for (const g of guesses) expect(shown.has(g.slice(0, 16))).toBe(false);
    for (const id of ids) expect(pseudonym(id, 'the real secret')).not.toContain(id);
  });

  it('need a salt: --salt, else SCOREBOARD_SALT, never empty', () => {
    expect(requireSalt('cli', { SCOREBOARD_SALT: 'env' })).toBe('cli');
    expect(requireSalt(undefined, { SCOREBOARD_SALT: 'env' })).toBe('env');
    expect(() => requireSalt(undefined, {})).toThrow(/--pseudonymous needs a secret salt/);
    expect(() => requireSalt('', {})).toThrow(/SCOREBOARD_SALT/);
    expect(() => pseudonym('a', '')).toThrow(/salt/);
  });
});
