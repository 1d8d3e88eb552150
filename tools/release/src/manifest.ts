/**
 * What ships in the student repository, and what never does.
 *
 * Ships (copied from the tracked files):
 *   packages/engine/**, packages/grading/**   the engine and the grading kit (with their own tests:
 *                                               they hold no course solution and pass on their own)
 *   exercises/**                               the stubs and their READMEs
 *   graders/<exercise>/rubric.ts, public/**    plus every file those import inside the grader folder
 *                                               (see graders.ts); package.json is generated
 *   tools/datasets/**                          `npm run data:notmnist`
 *   docs/**                                    pictures the student README shows
 *   nx.json, .env, .gitignore                  as they are
 * Generated: README.md, package.json, tsconfig.json, package-lock.json, graders/<exercise>/package.json.
 */

/** Copied as they are when git tracks them. */
export const SHIPPED_PREFIXES = ['packages/engine/', 'packages/grading/', 'exercises/', 'tools/datasets/', 'docs/'] as const;
export const SHIPPED_ROOT_FILES = ['nx.json', '.env', '.gitignore'] as const;

/** Written by the release instead of copied. */
export const GENERATED_FILES = ['README.md', 'package.json', 'tsconfig.json', 'package-lock.json'] as const;

/** The workspaces of the student repository (the instructor's add solutions/* and tools/*). */
export const STUDENT_WORKSPACES = ['packages/*', 'exercises/*', 'graders/*', 'tools/datasets'];

/** Root scripts a student needs; everything else (release, scoreboard, …) is the instructor's. */
export const STUDENT_SCRIPTS = ['typecheck', 'data:notmnist', 'example:notmnist', 'example:notmnist-notebook', 'example:diabetes'] as const;

/** The student's `npm test`: grade every exercise (each exits non-zero until it has full points). */
export const STUDENT_TEST_SCRIPT = "nx run-many -t test --projects='exercise-*' --parallel=1 --outputStyle=stream";

/**
 * Never ships, whatever the rules above say: a last check over the final list of files.
 * Each with the reason the release reports when it finds one.
 */
export const FORBIDDEN: ReadonlyArray<{ test: (path: string) => boolean; reason: string }> = [
  { test: (p) => p.startsWith('solutions/') || p.includes('/solutions/'), reason: 'reference solutions' },
  { test: (p) => /^graders\/[^/]+\/mutants\//.test(p), reason: "a grader's mutants (known-wrong solutions)" },
  { test: (p) => /^graders\/[^/]+\/alternatives\//.test(p), reason: "a grader's alternative solutions" },
  { test: (p) => /^graders\/[^/]+\/hidden\//.test(p), reason: 'hidden tests' },
  { test: (p) => /(^|\/)proof\.test\.ts$/.test(p), reason: "a grader's proof (imports the solution)" },
  { test: (p) => /(^|\/)calibration\.test\.ts$/.test(p), reason: "a grader's calibration (runs the solution)" },
  { test: (p) => /^graders\/[^/]+\/vitest\.config\.ts$/.test(p), reason: "a grader's proof configuration" },
  { test: (p) => /^tools\/(golden|release|scoreboard|grade|bench)\//.test(p), reason: 'an instructor tool' },
  { test: (p) => p.startsWith('.github/') || p.startsWith('deploy/'), reason: "the instructor's grading workflows" },
  { test: (p) => p.startsWith('.ci/'), reason: "the instructor's CI" },
  { test: (p) => p.split('/').includes('node_modules'), reason: 'installed dependencies' },
];

export function forbiddenReason(path: string): string | undefined {
  return FORBIDDEN.find((rule) => rule.test(path))?.reason;
}

/** True when a tracked file is copied as it is (graders are handled by graders.ts). */
export function isCopiedAsIs(path: string): boolean {
  return (SHIPPED_ROOT_FILES as readonly string[]).includes(path) || SHIPPED_PREFIXES.some((prefix) => path.startsWith(prefix));
}
