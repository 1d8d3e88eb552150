import type { Tensor } from '@dlcourse/engine';

/**
 * Ordinary least squares with an intercept, ŷ = β₀ + Σⱼ βⱼ·xⱼ: the normal equations
 * (AᵀA)β = Aᵀy with A = [1 | X], solved in float64 by Gauss–Jordan elimination with partial
 * pivoting. The yardstick the end-to-end threshold is set against (constants.ts).
 */
export function leastSquares(x: Tensor, y: Tensor): Float64Array {
  const [n, d] = x.shape;
  const xs = x.toArray();
  const ys = y.toArray();
  const m = d + 1;
  // The augmented matrix [AᵀA | Aᵀy], m × (m + 1).
  const a = Array.from({ length: m }, () => new Float64Array(m + 1));
  const row = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    row[0] = 1;
    for (let j = 0; j < d; j++) row[j + 1] = xs[i * d + j];
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a[r][c] += row[r] * row[c];
      a[r][m] += row[r] * ys[i];
    }
  }
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    if (a[c][c] === 0) throw new Error('leastSquares: the normal equations are singular.');
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      if (f !== 0) for (let k = c; k <= m; k++) a[r][k] -= f * a[c][k];
    }
  }
  return Float64Array.from(a, (r, i) => r[m] / r[i]);
}

/** β₀ + X·β for the rows of x, in float64. */
export function linearPredict(beta: Float64Array, x: Tensor): number[] {
  const [n, d] = x.shape;
  const xs = x.toArray();
  return Array.from({ length: n }, (_, i) => {
    let s = beta[0];
    for (let j = 0; j < d; j++) s += beta[j + 1] * xs[i * d + j];
    return s;
  });
}

/** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², in float64 on plain numbers. */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = yTrue.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (yTrue[i] - yPred[i]) ** 2;
    ssTot += (yTrue[i] - mean) ** 2;
  }
  return 1 - ssRes / ssTot;
}
