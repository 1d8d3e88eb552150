import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';
import { cachedBundle, specifierPattern } from './cached-bundle.js';

/**
 * The engine and the grading kit as pre-built ES modules for grading runs. Vitest would
 * otherwise transform and evaluate their ~170 TypeScript files through its module runner in
 * every test worker, which was most of a student's wait; files under node_modules are loaded
 * by Node natively instead. Graders and submissions import the same specifiers, so they get
 * the same modules (one Tensor class, one NotImplementedError). Rebuilt whenever a source
 * file changes, so an edit to the engine or the kit is picked up on the next run.
 */
export const PACKAGE_ENTRIES = {
  '@dlcourse/engine': join(REPO_ROOT, 'packages/engine/src/index.ts'),
  '@dlcourse/grading': join(REPO_ROOT, 'packages/grading/src/index.ts'),
  '@dlcourse/grading/stub': join(REPO_ROOT, 'packages/grading/src/not-implemented.ts'),
  '@dlcourse/grading/rubric': join(REPO_ROOT, 'packages/grading/src/rubric.ts'),
  '@dlcourse/grading/runner': join(REPO_ROOT, 'packages/grading/src/run/index.ts'),
} as const;
/** The ones graders and submissions import (the runner is for trusted tools only). */
const GRADING_RUN_SPECIFIERS = ['@dlcourse/engine', '@dlcourse/grading', '@dlcourse/grading/stub', '@dlcourse/grading/rubric'] as const;
/** The folders the entries are built from, whole (the kit's runner and CLI too: a superset only rebuilds more often). */
export const PACKAGE_SOURCES = [join(REPO_ROOT, 'packages/engine/src'), join(REPO_ROOT, 'packages/grading/src')];
/** ~0.8 MB per version of the engine and the kit. */
export const BUNDLE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'dlcourse-grading-bundle');

export type BundledSpecifier = (typeof GRADING_RUN_SPECIFIERS)[number];

/** Vite aliases sending each bundled package to its pre-built module. */
export async function bundleAliases(): Promise<{ find: RegExp; replacement: string }[]> {
  return aliasesFor(await prebuiltModules());
}

/** The aliases for modules already built (a process that was handed their paths need not hash the sources again). */
export function aliasesFor(files: Readonly<Record<string, string>>): { find: RegExp; replacement: string }[] {
  return Object.entries(files).map(([specifier, file]) => ({ find: specifierPattern([specifier]), replacement: file }));
}

export async function prebuiltModules(): Promise<Record<BundledSpecifier, string>> {
  const entries = Object.fromEntries(GRADING_RUN_SPECIFIERS.map((s) => [outputName(s), PACKAGE_ENTRIES[s]]));
  const built = await cachedBundle({ cacheDir: BUNDLE_DIR, entries, sourceDirs: PACKAGE_SOURCES, inside: PACKAGE_ENTRIES });
  return Object.fromEntries(GRADING_RUN_SPECIFIERS.map((s) => [s, built[outputName(s)]!])) as Record<BundledSpecifier, string>;
}

function outputName(specifier: string): string {
  return specifier.replace(/^@dlcourse\//, '').replace(/\//g, '-');
}
