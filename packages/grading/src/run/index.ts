export { runGrader, loadRubric, type RunGraderOptions } from './run-grader.js';
export { resolveSubmissionEntry } from './submission.js';
export { REPO_ROOT, graderDir, DEFAULT_SEED, SUITE_PATTERNS, hasHiddenSuites } from './paths.js';
export { toGradescope, type GradescopeResults } from '../report/gradescope.js';
export { renderSummary } from '../report/console-summary.js';
export type { GradeResult, TestOutcome } from '../report/types.js';
export { gradeSubmissions, type NamedSubmission, type GradeManyOptions } from './grade-many.js';
export { aliasesFor, bundleAliases, prebuiltModules, BUNDLE_DIR } from './prebuilt-modules.js';
export { gradeFromReports, type ItemReport, type GradeOptions } from '../report/grade-from-reports.js';
