import { describe, expect, it } from 'vitest';
import { isSealedPass, sealOf } from '../src/seal.js';

const KEY = 'a'.repeat(64);

describe('sealed passes', () => {
  it('verify for the item they were made for, under the key they were made with', () => {
    const seal = sealOf(KEY, 'reluForward', 1);
    expect(isSealedPass(KEY, 'reluForward', seal)).toBe(true);
    expect(isSealedPass(KEY, 'reluBackward', seal)).toBe(false);
    expect(isSealedPass('b'.repeat(64), 'reluForward', seal)).toBe(false);
  });

  it('do not verify when a second test declared the same item', () => {
    expect(isSealedPass(KEY, 'reluForward', sealOf(KEY, 'reluForward', 2))).toBe(false);
  });

  it("a forged seal does not verify: missing, not a string, truncated, extended, another case", () => {
    const seal = sealOf(KEY, 'reluForward', 1);
    for (const forged of [undefined, null, 1, {}, '', seal.slice(0, -1), `${seal}0`, seal.toUpperCase()]) {
      expect(isSealedPass(KEY, 'reluForward', forged)).toBe(false);
    }
  });
});
