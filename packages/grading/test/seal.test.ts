import { afterEach, describe, expect, it, vi } from 'vitest';

type SealModule = typeof import('../src/seal.js');

/** A fresh copy of the module (its key lives in module state), with `env` as the worker's key. */
async function freshSeal(env: string | undefined): Promise<SealModule> {
  vi.resetModules();
  const seal = (await import('../src/seal.js')) as SealModule;
  if (env === undefined) delete process.env[seal.SEAL_KEY_ENV];
  else process.env[seal.SEAL_KEY_ENV] = env;
  return seal;
}

const KEY = 'a'.repeat(64);

afterEach(() => {
  delete process.env.DLGRADE_SEAL_KEY;
});

describe('sealed passes', () => {
  it('takeSealKey moves the key out of the environment; the seal then verifies for that item only', async () => {
    const seal = await freshSeal(KEY);
    seal.takeSealKey();
    expect(process.env[seal.SEAL_KEY_ENV]).toBeUndefined();
    const s = seal.sealPass('reluForward');
    expect(seal.isSealedPass(KEY, 'reluForward', s)).toBe(true);
    expect(seal.isSealedPass(KEY, 'reluBackward', s)).toBe(false);
    expect(seal.isSealedPass('b'.repeat(64), 'reluForward', s)).toBe(false);
  });

  it('a forged seal does not verify: missing, not a string, truncated, another key\'s', async () => {
    const seal = await freshSeal(KEY);
    seal.takeSealKey();
    const s = seal.sealPass('reluForward')!;
    for (const forged of [undefined, null, 1, {}, '', s.slice(0, -1), `${s}0`, s.toUpperCase()]) {
      expect(seal.isSealedPass(KEY, 'reluForward', forged)).toBe(false);
    }
  });

  it('a later key does not replace the first (a student setting the variable and calling takeSealKey again)', async () => {
    const seal = await freshSeal(KEY);
    seal.takeSealKey();
    process.env[seal.SEAL_KEY_ENV] = 'c'.repeat(64);
    seal.takeSealKey();
    expect(seal.isSealedPass(KEY, 'x', seal.sealPass('x'))).toBe(true);
  });

  it('without a key (a local run) nothing is sealed', async () => {
    const seal = await freshSeal(undefined);
    seal.takeSealKey();
    expect(seal.sealPass('reluForward')).toBeUndefined();
  });
});
