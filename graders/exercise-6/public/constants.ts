/*
 * The end-to-end item's settings and threshold — the ONLY place they are set (README §6.7 quotes
 * them). calibration.test.ts re-measures both figures below on every `npm test` of the grader.
 *
 * The split: loadDiabetes(), trainTestSplit([x, y], { testSize: 0.2, seed: SPLIT_SEED }) —
 * 353 training rows, 89 test rows. The student's pipeline runs on it with these settings:
 * standardize → buildModel(10, HIDDEN, new Generator(MODEL_SEED)) → trainRegression(lr, epochs)
 * → predict on the test rows, and the grader computes the test R² itself.
 */
export const SPLIT_SEED = 42;
export const TEST_SIZE = 0.2;
export const HIDDEN = 16;
export const MODEL_SEED = 0;
export const LR = 0.1;
export const EPOCHS = 300;

/**
 * Measured on this split (2026-11-27, engine float32, CPU):
 * - the reference solution with the settings above: test R² = 0.4430 (train R² 0.6185, ~0.2 s);
 *   with model seeds 1 and 2 it gets 0.4363 and 0.4414;
 * - ordinary least squares with an intercept on the raw features, the normal equations
 *   (XᵀX)β = Xᵀy solved in float64 (closed-form.ts): test R² = 0.4798 (train R² 0.5237).
 */
export const REFERENCE_TEST_R2 = 0.443;
export const CLOSED_FORM_TEST_R2 = 0.4798;

/**
 * Room for a correct pipeline that rounds differently or initialises from another stream: the
 * reference's spread over model seeds is under 0.01; 0.05 is five times that, and far above
 * what any known mistake reaches (an ignored lr or an optimizer that never steps: R² < −3).
 */
export const MARGIN = 0.05;

/** Pass when test R² > min(reference, closed form) − margin, rounded down to 2 decimals: 0.39. */
export const R2_THRESHOLD = Math.floor((Math.min(REFERENCE_TEST_R2, CLOSED_FORM_TEST_R2) - MARGIN) * 100) / 100;
