/**
 * Numerical gradient check (CS231n, "gradient checks"): the analytic gradient from backward()
 * against central differences, in float64.
 *
 *   numeric_j = Σ_k u_k · (f_k(x + h·e_j) − f_k(x − h·e_j)) / 2h        (h = 1e-6)
 *   relative error_j = |a_j − n_j| / max(1e-8, |a_j| + |n_j|)            (threshold 1e-6)
 *
 * where u is a random upstream gradient (so a backward that is right only for u = 1, or only
 * for the sum of its outputs, is caught), the same one given to out.backward(u).
 * CS231n: ≤ 1e-7 is good, > 1e-4 is wrong for smooth functions.
 *
 * The differences are formed output by output and then weighted (rather than differencing
 * two weighted sums), so outputs that x_j does not touch contribute exactly 0. What remains is
 * the rounding of f itself, divided by 2h: about eps·|f_k|/2h per output when f_k is computed
 * to a few ulps, more when f_k is a cancelling sum of larger terms (e.g. 2·2 − 2·2 = 0, whose
 * rounding is ulps of 4, not of 0). Where the true gradient is itself near 0, that noise alone
 * pushes the *relative* error over any threshold (|a − n| ≈ 1e-10 against |a| ≈ 1e-5), so an
 * element also passes when |a − n| is below a rounding floor:
 *
 *   floor_j = NOISE_FACTOR·eps·Σ_k |u_k|(|f⁺_k| + |f⁻_k|) / 2h  +  ABS_FLOOR
 *
 * the first term for large outputs (logsumexp at 1000), ABS_FLOOR = 1e-8 for cancellation
 * inside f with intermediate values up to about 10 (eps·10/2h ≈ 1e-9, with margin). A wrong
 * gradient is off by about the size of the gradient (≥ 1e-3 for these tests' inputs, unless
 * the gradient happens to vanish there), so the floor only forgives the last digits of
 * nearly-zero elements; the report shows it next to every error.
 */
import { noGrad, tensor, type Tensor } from '../../src/index.js';
import { seededValues } from '../conformance/reference.js';

export interface GradcheckInput {
  shape: number[];
  data: number[];
}

export interface GradcheckOptions {
  /** name used in the failure message */
  name?: string;
  /** seeds the random upstream gradient u (values in [−1, 1)) */
  upstreamSeed?: number;
  h?: number;
  threshold?: number;
  /** which inputs to check (and create with requiresGrad); default all */
  wrt?: readonly boolean[];
}

export interface ElementReport {
  input: number;
  index: number[];
  analytic: number;
  numeric: number;
  relError: number;
  absError: number;
  noiseFloor: number;
}

export interface GradcheckReport {
  /** the worst element by relative error, failing or not (null when there are no elements) */
  worst: ElementReport | null;
  failures: number;
  checked: number;
}

export const GRADCHECK_H = 1e-6;
export const GRADCHECK_THRESHOLD = 1e-6;
const NOISE_FACTOR = 64;
const ABS_FLOOR = 1e-8;
const EPS = Number.EPSILON;

function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** Deterministic upstream values in [−1, 1) (mulberry32, shared with the conformance suite). */
export function upstreamValues(seed: number, n: number): number[] {
  return seededValues(seed, n, -1, 1);
}

const f64 = (x: GradcheckInput, requiresGrad: boolean): Tensor => tensor(x.data, { dtype: 'float64', shape: x.shape, requiresGrad });

/** Runs the check and returns the report (does not throw on a mismatch; see gradcheck). */
export function gradcheckReport(f: (...xs: Tensor[]) => Tensor, inputs: readonly GradcheckInput[], options: GradcheckOptions = {}): GradcheckReport {
  const h = options.h ?? GRADCHECK_H;
  const threshold = options.threshold ?? GRADCHECK_THRESHOLD;
  const wrt = inputs.map((_, i) => options.wrt?.[i] ?? true);

  // analytic: backward of the random upstream u
  const leaves = inputs.map((x, i) => f64(x, wrt[i]));
  const out = f(...leaves);
  if (out.dtype !== 'float64') throw new Error(`gradcheck ${options.name ?? ''}: the function returned ${out.dtype}; gradient checks need float64 all the way.`);
  const u = upstreamValues(options.upstreamSeed ?? 1, out.numel());
  out.backward(tensor(u, { dtype: 'float64', shape: [...out.shape] }));
  const analytic = leaves.map((leaf, i) => {
    if (!wrt[i]) return [];
    if (leaf.grad === null) return new Array<number>(leaf.numel()).fill(0);
    if (leaf.grad.dtype !== 'float64' || leaf.grad.shape.join() !== leaf.shape.join()) {
      throw new Error(`gradcheck ${options.name ?? ''}: input ${i} got a ${leaf.grad.dtype} gradient of shape [${leaf.grad.shape}] for a float64 input of shape [${leaf.shape}].`);
    }
    return leaf.grad.toArray();
  });

  // numeric: central differences, output by output
  const evaluate = (data: GradcheckInput[]): number[] => noGrad(() => f(...data.map((x) => f64(x, false))).toArray());
  let worst: ElementReport | null = null;
  let worstFailed = false;
  let failures = 0;
  let checked = 0;
  noGrad(() => {
    inputs.forEach((x, i) => {
      if (!wrt[i]) return;
      for (let j = 0; j < x.data.length; j++) {
        // the step actually taken: x ± h is rounded, so (x + h) − (x − h) is not exactly 2h
        const xPlus = x.data[j] + h;
        const xMinus = x.data[j] - h;
        const shifted = (value: number) => inputs.map((y, k) => (k === i ? { shape: y.shape, data: y.data.map((v, m) => (m === j ? value : v)) } : y));
        const plus = evaluate(shifted(xPlus));
        const minus = evaluate(shifted(xMinus));
        let diff = 0;
        let magnitude = 0;
        for (let k = 0; k < u.length; k++) {
          diff += u[k] * (plus[k] - minus[k]);
          magnitude += Math.abs(u[k]) * (Math.abs(plus[k]) + Math.abs(minus[k]));
        }
        const step = xPlus - xMinus;
        const numeric = diff / step;
        const a = analytic[i][j];
        const absError = Math.abs(a - numeric);
        const relError = Number.isNaN(absError) ? Infinity : absError / Math.max(1e-8, Math.abs(a) + Math.abs(numeric));
        const noiseFloor = (NOISE_FACTOR * EPS * magnitude) / step + ABS_FLOOR;
        const failed = !(relError <= threshold || absError <= noiseFloor);
        checked++;
        if (failed) failures++;
        const report = { input: i, index: unravel(j, x.shape), analytic: a, numeric, relError, absError, noiseFloor };
        // the worst is the failing element with the largest relative error, else the largest overall
        if (worst === null || (failed && !worstFailed) || (failed === worstFailed && relError > worst.relError)) {
          worst = report;
          worstFailed = failed;
        }
      }
    });
  });
  return { worst, failures, checked };
}

function showValues(values: readonly number[], max = 30): string {
  const list = values.slice(0, max).map((v) => (Number.isInteger(v) ? String(v) : v.toPrecision(6)));
  return `[${list.join(', ')}${values.length > max ? `, … (${values.length} values)` : ''}]`;
}

/**
 * Throws (for vitest / fast-check) when any element of any checked input fails, naming the
 * worst element, its analytic and numeric values, and every input.
 */
export function gradcheck(f: (...xs: Tensor[]) => Tensor, inputs: readonly GradcheckInput[], options: GradcheckOptions = {}): GradcheckReport {
  const report = gradcheckReport(f, inputs, options);
  if (report.failures > 0 && report.worst) {
    const w = report.worst;
    const threshold = options.threshold ?? GRADCHECK_THRESHOLD;
    throw new Error(
      `gradcheck ${options.name ?? ''}: ${report.failures} of ${report.checked} gradient elements are wrong. Worst: input ${w.input} at [${w.index}]: ` +
        `analytic ${w.analytic}, numeric ${w.numeric}, relative error ${w.relError.toExponential(3)} > ${threshold} ` +
        `(absolute ${w.absError.toExponential(3)}, rounding floor ${w.noiseFloor.toExponential(3)}). ` +
        `Inputs: ${inputs.map((x, i) => `#${i} [${x.shape}] ${showValues(x.data)}`).join('; ')}. Upstream seed ${options.upstreamSeed ?? 1}.`,
    );
  }
  return report;
}
