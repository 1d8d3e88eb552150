import { expect } from 'vitest';
import { tensor, type Tensor } from '../../src/index.js';

export const f64 = (data: number[], requiresGrad = false): Tensor => tensor(data, { dtype: 'float64', requiresGrad });

/** |got − want| ≤ tol · max(1, |want|) elementwise, with a message naming the worst entry. */
export function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, label = ''): void {
  expect(got.length, `${label}: length`).toBe(want.length);
  let worst = -1;
  let worstErr = 0;
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i]));
    if (!(err <= tol) && (worst < 0 || !(err <= worstErr))) {
      worst = i;
      worstErr = err;
    }
  }
  if (worst >= 0) {
    expect.fail(`${label}: [${worst}] expected ${want[worst]}, got ${got[worst]} (scaled error ${worstErr} > ${tol}); got ${fmt(got)}, want ${fmt(want)}`);
  }
}

const fmt = (xs: ArrayLike<number>): string => `[${Array.from(xs).slice(0, 8).join(', ')}${xs.length > 8 ? ', …' : ''}]`;

/** Sets p.grad to the given values (as PyTorch allows p.grad = …). */
export function setGrad(p: Tensor, g: number[]): void {
  p.grad = f64(g);
}

/** The quadratic Σ c (p − t)², as the engine computes it, and its gradient in plain JS. */
export function quadratic(c: number[], t: number[]): { loss: (p: Tensor) => Tensor; grad: (p: number[]) => number[] } {
  const C = f64(c);
  const T = f64(t);
  return {
    loss: (p) => p.sub(T).square().mul(C).sum(),
    grad: (p) => p.map((pi, i) => 2 * c[i] * (pi - t[i])),
  };
}
