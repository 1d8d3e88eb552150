/**
 * Every numeric tolerance the graders use, with the reason for each. Set so that correct
 * float32 code passes with margin and the known wrong implementations (mutants) fail.
 */
export const TOLERANCES = {
  /**
   * Relative error of an analytic gradient against central differences in float64,
   * |a−n| / max(1e-8, |a|+|n|) (CS231n): ≤1e-7 is good, >1e-4 is wrong for smooth functions.
   * 1e-6 leaves room for float64 cancellation in the difference quotient. The quotient itself
   * carries an absolute noise of about ε·|f|/h ≈ 1e-9 for |f| ~ 10 (ε = 2.2e-16, h = 1e-6), so
   * an element that differs by less than `absolute` passes whatever its relative error: a
   * wrong formula is off by far more than 1e-7.
   */
  gradcheck: { relative: 1e-6, absolute: 1e-7, step: 1e-6, floor: 1e-8 },
  /**
   * Values computed by the student in float32 against a float64 reference: float32 has a
   * 6e-8 unit roundoff; a handful of operations per value stay well under 1e-5 (MiniTorch
   * uses 1e-2 for whole models; elementwise functions deserve much tighter).
   */
  float32: { relative: 1e-5, absolute: 1e-6 },
  /** Both sides in float64 and the same formula: only reassociation differences remain. */
  float64: { relative: 1e-9, absolute: 1e-12 },
  /**
   * Optimizer trajectories: 50 steps of the student's update against the reference, both in
   * float64 (DESIGN: trajectory to 1e-6 relative).
   */
  trajectory: { relative: 1e-6, absolute: 1e-9 },
} as const;

export interface Tolerance {
  relative: number;
  absolute: number;
}
