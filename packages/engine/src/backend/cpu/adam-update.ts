import type { AdamScalars } from '../backend.js';

const f = Math.fround;

/**
 * One Adam step in place, element by element, in float32: every product, sum, quotient and
 * square root rounded to float32 as the step's ten separate primitives would store it (the
 * scalars too, as a number operand becomes a float32 tensor), so that the bits are theirs
 * (test/optim/adam-fused.test.ts compares them). One pass over the arrays instead of ten: 1.4×
 * faster on a 784×256 weight (divisions, square roots and the roundings bound it, not memory);
 * large float32 storages go to the WebAssembly kernel instead (wasm-updates.ts, 8.6×).
 */
export function adamUpdateFloat32(
  param: Float32Array, grad: Float32Array, expAvg: Float32Array, expAvgSq: Float32Array, maxExpAvgSq: Float32Array | undefined,
  k: AdamScalars,
): void {
  const beta1 = f(k.beta1);
  const beta2 = f(k.beta2);
  const oneMinusBeta1 = f(1 - k.beta1);
  const oneMinusBeta2 = f(1 - k.beta2);
  const weightDecay = f(k.weightDecay);
  const decay = k.weightDecay !== 0;
  const correction = f(k.biasCorrection2Sqrt);
  const eps = f(k.eps);
  const negStep = f(-k.stepSize);
  for (let i = 0; i < param.length; i++) {
    const p = param[i]!;
    const g = decay ? f(grad[i]! + f(p * weightDecay)) : grad[i]!;
    const m = f(f(expAvg[i]! * beta1) + f(g * oneMinusBeta1));
    const v = f(f(expAvgSq[i]! * beta2) + f(f(g * g) * oneMinusBeta2));
    expAvg[i] = m;
    expAvgSq[i] = v;
    let second = v;
    if (maxExpAvgSq !== undefined) {
      const max = maxExpAvgSq[i]!;
      second = max >= v || max !== max ? max : v;
      maxExpAvgSq[i] = second;
    }
    const denom = f(f(f(Math.sqrt(second)) / correction) + eps);
    param[i] = f(p + f(f(m / denom) * negStep));
  }
}

/**
 * The same in float64 (gradient checks, golden fixtures): a second loop rather than a rounding
 * function passed in, which V8 would not inline in the hot loop.
 */
export function adamUpdateFloat64(
  param: Float64Array, grad: Float64Array, expAvg: Float64Array, expAvgSq: Float64Array, maxExpAvgSq: Float64Array | undefined,
  k: AdamScalars,
): void {
  const { beta1, beta2, weightDecay, eps } = k;
  const oneMinusBeta1 = 1 - beta1;
  const oneMinusBeta2 = 1 - beta2;
  const decay = weightDecay !== 0;
  const negStep = -k.stepSize;
  for (let i = 0; i < param.length; i++) {
    const p = param[i]!;
    const g = decay ? grad[i]! + p * weightDecay : grad[i]!;
    const m = expAvg[i]! * beta1 + g * oneMinusBeta1;
    const v = expAvgSq[i]! * beta2 + g * g * oneMinusBeta2;
    expAvg[i] = m;
    expAvgSq[i] = v;
    let second = v;
    if (maxExpAvgSq !== undefined) {
      const max = maxExpAvgSq[i]!;
      second = max >= v || max !== max ? max : v;
      maxExpAvgSq[i] = second;
    }
    const denom = Math.sqrt(second) / k.biasCorrection2Sqrt + eps;
    param[i] = p + (m / denom) * negStep;
  }
}
