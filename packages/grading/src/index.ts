/**
 * @dlcourse/grading — what every grader uses.
 *
 * A grader declares its tests and points once in a rubric (defineRubric), writes each test
 * with graded(item, body), checks values with expectClose / gradients with expectGradient,
 * and draws inputs from the arbitraries. The runner (./runner) grades any submission.
 */
export { defineRubric, DEFAULT_TEST_TIMEOUT_MS, type Rubric, type RubricItem } from './rubric.js';
export { graded, explainFailure, takeSealKey, type GradingMeta } from './graded-test.js';
export { TOLERANCES, type Tolerance } from './tolerances.js';
export { expectClose, expectShape, type CloseOptions } from './compare/expect-close.js';
export { GradingFailure, type FailureDetails } from './compare/grading-failure.js';
export { formatValue, formatNumber } from './compare/format-value.js';
export { numericGradient, numericVjp } from './gradcheck/numeric-gradient.js';
export { relativeError } from './gradcheck/relative-error.js';
export { expectGradient, type GradientCheckOptions } from './gradcheck/expect-gradient.js';
export * as arb from './arbitraries/index.js';
export { NotImplementedError, notImplemented } from './not-implemented.js';
export { say, currentLanguage, type Text, type Language } from './i18n.js';
export { checkProperty, type PropertyOptions } from './property.js';
export { submitForTrustedJudge } from './held-out.js';
export { HELD_OUT_META, type HeldOutJudge } from './held-out-judge.js';
export { referenceVjp, referenceValue } from './gradcheck/reference-vjp.js';
