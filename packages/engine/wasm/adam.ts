// AssemblyScript: one Adam step in float32, in place (compiled with the other kernels, see
// kernels.ts). Every operation is a float32 operation with float32 scalars, as the step's ten
// separate primitives compute it in JavaScript (each result stored to a Float32Array: double
// rounding through float64 is innocuous for + − × ÷ √), so the bits are theirs
// (test/optim/adam-fused.test.ts). optim/adam.ts documents the formula.

/**
 * param, expAvg, expAvgSq (and maxExpAvgSq unless it is 0) updated in place over n floats;
 * grad only read. Scalars: β1, β2, 1 − β1, 1 − β2, the weight decay λ (0 = none), √(1 − β2ᵗ),
 * ε and −η/(1 − β1ᵗ), each already rounded to float32.
 */
export function adamUpdate(
  param: usize, grad: usize, expAvg: usize, expAvgSq: usize, maxExpAvgSq: usize, n: i32,
  beta1: f32, beta2: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, weightDecay: f32, correction: f32, eps: f32, negStep: f32,
): void {
  const decay = weightDecay != 0;
  const b1 = f32x4.splat(beta1), b2 = f32x4.splat(beta2), c1 = f32x4.splat(oneMinusBeta1), c2 = f32x4.splat(oneMinusBeta2);
  const wd = f32x4.splat(weightDecay), corr = f32x4.splat(correction), e = f32x4.splat(eps), step = f32x4.splat(negStep);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const p = v128.load(param + o);
    let g = v128.load(grad + o);
    if (decay) g = f32x4.add(g, f32x4.mul(p, wd));
    const m = f32x4.add(f32x4.mul(v128.load(expAvg + o), b1), f32x4.mul(g, c1));
    const v = f32x4.add(f32x4.mul(v128.load(expAvgSq + o), b2), f32x4.mul(f32x4.mul(g, g), c2));
    v128.store(expAvg + o, m);
    v128.store(expAvgSq + o, v);
    let second = v;
    if (maxExpAvgSq != 0) {
      const max = v128.load(maxExpAvgSq + o);
      // max ≥ v, or max is NaN: keep max (the maximum primitive's rule)
      second = v128.bitselect(max, v, v128.or(f32x4.ge(max, v), f32x4.ne(max, max)));
      v128.store(maxExpAvgSq + o, second);
    }
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(second), corr), e);
    v128.store(param + o, f32x4.add(p, f32x4.mul(f32x4.div(m, denom), step)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const p = load<f32>(param + o);
    let g = load<f32>(grad + o);
    if (decay) g = g + p * weightDecay;
    const m = load<f32>(expAvg + o) * beta1 + g * oneMinusBeta1;
    const v = load<f32>(expAvgSq + o) * beta2 + g * g * oneMinusBeta2;
    store<f32>(expAvg + o, m);
    store<f32>(expAvgSq + o, v);
    let second = v;
    if (maxExpAvgSq != 0) {
      const max = load<f32>(maxExpAvgSq + o);
      second = max >= v || max != max ? max : v;
      store<f32>(maxExpAvgSq + o, second);
    }
    const denom = Mathf.sqrt(second) / correction + eps;
    store<f32>(param + o, p + (m / denom) * negStep);
  }
}
