import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

type Rng = ReturnType<typeof xoroshiro128plus>;

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
    this.rng = xoroshiro128plus(seed | 0);
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
