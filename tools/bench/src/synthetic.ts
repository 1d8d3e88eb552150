/**
 * The benchmark's inputs, identical in every framework: a counter-based hash (Chris Wellons'
 * "lowbias32") of (stream, index) gives each value, so the Python side (python/synthetic.py)
 * computes bit-for-bit the same floats with vectorised uint32 arithmetic instead of shipping
 * 37 MB of samples through a pipe. Same data and same initial weights also make the epochs'
 * losses comparable across frameworks, a check that every framework ran the same computation.
 */

/** 32-bit avalanche hash; all arithmetic wraps modulo 2³², as uint32 does in numpy. */
function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Streams keep unrelated arrays apart; the multiplier spreads them over the 32-bit space. */
const STREAM_STRIDE = 0x9e3779b9;

/** A uniform value in [0, 1): the hash's top 24 bits, so it is exact in float32. */
function unit(stream: number, index: number): number {
  return (lowbias32((Math.imul(stream, STREAM_STRIDE) + index) >>> 0) >>> 8) / 2 ** 24;
}

/** n floats uniform in [low, high), computed in float64 and rounded to float32. */
export function uniformArray(stream: number, n: number, low: number, high: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = low + (high - low) * unit(stream, i);
  return out;
}

/** n integers uniform in [0, classes). */
export function classArray(stream: number, n: number, classes: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(unit(stream, i) * classes);
  return out;
}
