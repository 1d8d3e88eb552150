import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

type Rng = ReturnType<typeof xoroshiro128plusFromState>;

/**
 * The 128-bit xoroshiro state for a seed, filled by SplitMix64 as the xoroshiro authors advise.
 *
 * Fix (tests: test/tensor/creation.test.ts): this used to be pure-rand's `xoroshiro128plus(seed | 0)`,
 * whose state (-1, ~seed, seed, 0) makes the first output ~seed. So for every small seed the
 * first rand() was 1 − (seed+1)/2²⁶ (≈ 1; exactly 1.0 once stored as float32, outside [0, 1)),
 * the first randn() pair was ≈ 0, and `seed | 0` made seeds 0, 2³², 2⁴⁰ … one and the same
 * stream. SplitMix64 of the full 64-bit seed removes all three.
 */
function seedState(seed: number): [number, number, number, number] {
  const M = (1n << 64n) - 1n;
  let z = BigInt(seed) & M;
  const next = (): bigint => {
    z = (z + 0x9e3779b97f4a7c15n) & M;
    let x = z;
    x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & M;
    return x ^ (x >> 31n);
  };
  const s0 = next();
  const s1 = next();
  const hi = (x: bigint): number => Number(BigInt.asIntN(32, x >> 32n));
  const lo = (x: bigint): number => Number(BigInt.asIntN(32, x));
  return [hi(s0), lo(s0), hi(s1), lo(s1)];
}

/**
 * The one source of randomness in the engine. Every random thing (initialisation, shuffling,
 * splitting, dropout) takes a Generator or falls back to the global one set by `manualSeed`,
 * so a whole run is reproducible from one number.
 */
export class Generator {
  private rng: Rng;
  private spareNormal: number | null = null;

  constructor(readonly seed: number) {
    if (!Number.isInteger(seed)) {
      throw new TypeError(`Generator: seed must be an integer, got ${seed}. Pass e.g. new Generator(42).`);
    }
    this.rng = xoroshiro128plusFromState(seedState(seed));
  }

  /** Uniform float in [0, 1). */
  random(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform integer in [low, high] (both included). */
  randint(low: number, high: number): number {
    return uniformInt(this.rng, low, high);
  }

  /** Standard normal sample (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.randint(0, i);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** An independent generator derived from this one (its stream does not overlap this one's). */
  fork(): Generator {
    const child = Object.create(Generator.prototype) as Generator;
    const rng = this.rng.clone();
    rng.jump();
    Object.assign(child, { seed: this.seed, rng, spareNormal: null });
    this.rng.next();
    return child;
  }
}

let globalGenerator = new Generator(0);

/** Reseeds the global generator, like torch.manual_seed. */
export function manualSeed(seed: number): Generator {
  globalGenerator = new Generator(seed);
  return globalGenerator;
}

export function defaultGenerator(): Generator {
  return globalGenerator;
}

/** The generator a random function should use: the one it was given, else the global one. */
export function resolveGenerator(generator?: Generator | number): Generator {
  if (generator === undefined) return globalGenerator;
  if (typeof generator === 'number') return new Generator(generator);
  return generator;
}
