import { tensor, noGrad, type Tensor } from '@dlcourse/engine';
import { TOLERANCES } from '../tolerances.js';

/**
 * ∂f/∂x by central differences, (f(x+h) − f(x−h)) / 2h, element by element in float64.
 * `f` maps the float64 values of x (as a tensor of x's shape) to a scalar.
 */
export function numericGradient(f: (x: Tensor) => number, x: Tensor, h: number = TOLERANCES.gradcheck.step): Float64Array {
  const base = Float64Array.from(x.toTypedArray());
  const grad = new Float64Array(base.length);
  const at = (values: Float64Array) => noGrad(() => f(tensor(values, { shape: x.shape, dtype: 'float64' })));
  for (let i = 0; i < base.length; i++) {
    const original = base[i];
    base[i] = original + h;
    const plus = at(base);
    base[i] = original - h;
    const minus = at(base);
    base[i] = original;
    grad[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/**
 * The gradient of Σ(upstream ⊙ g(x)) with respect to x for a tensor-valued g: what a backward
 * function given `upstream` as dL/dY must return as dL/dX.
 */
export function numericVjp(g: (x: Tensor) => Tensor, x: Tensor, upstream: Tensor, h?: number): Float64Array {
  const up = Float64Array.from(upstream.toTypedArray());
  return numericGradient(
    (xv) => {
      const y = g(xv).toTypedArray();
      let s = 0;
      for (let i = 0; i < y.length; i++) s += y[i] * up[i];
      return s;
    },
    x,
    h,
  );
}
