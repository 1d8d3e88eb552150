import { describe, expect, it } from 'vitest';
import { isSealedPass, sealOf } from '../src/seal.js';

const KEY = 'a'.repeat(64);

describe('sealed passes', () => {
  it('verify for the item they were made for, under the key they were made with', () => {
    const seal = sealOf(KEY, 'exercise-1', 'reluForward', 1);
    expect(isSealedPass(KEY, 'exercise-1', 'reluForward', seal)).toBe(true);
    expect(isSealedPass(KEY, 'exercise-1', 'reluBackward', seal)).toBe(false);
    expect(isSealedPass('b'.repeat(64), 'exercise-1', 'reluForward', seal)).toBe(false);
  });

  it('do not verify for the same item key of another exercise (exercise 5 and 6 both have buildModel)', () => {
    expect(isSealedPass(KEY, 'exercise-6', 'reluForward', sealOf(KEY, 'exercise-1', 'reluForward', 1))).toBe(false);
  });

  it('do not verify when a second test declared the same item', () => {
    expect(isSealedPass(KEY, 'exercise-1', 'reluForward', sealOf(KEY, 'exercise-1', 'reluForward', 2))).toBe(false);
  });

  it("a forged seal does not verify: missing, not a string, truncated, extended, another case", () => {
    const seal = sealOf(KEY, 'exercise-1', 'reluForward', 1);
    for (const forged of [undefined, null, 1, {}, '', seal.slice(0, -1), `${seal}0`, seal.toUpperCase()]) {
      expect(isSealedPass(KEY, 'exercise-1', 'reluForward', forged)).toBe(false);
    }
  });
});
