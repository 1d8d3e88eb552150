import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { trackedFiles } from './git-files.js';
import { graderDirs, graderPublicPart } from './graders.js';
import { pruneLockfile } from './lockfile.js';
import { isCopiedAsIs } from './manifest.js';
import { studentGraderPackageJson, studentRootPackageJson } from './package-json.js';
import { studentReadme } from './readme.js';
import { checkShippedFiles } from './scan.js';
import { studentTsconfig } from './tsconfig.js';

export interface ReleaseOptions {
  /** The instructor repository (a git work tree). */
  repoRoot: string;
  /** An empty or absent folder (the cli checks). */
  outDir: string;
  /** Skip rewriting package-lock.json (tests of the file list only). */
  skipLockfile?: boolean;
  log?: (line: string) => void;
}

export interface ReleaseResult {
  /** Files copied from the repository, relative paths. */
  copied: string[];
  /** Files the release wrote itself. */
  generated: string[];
  exercises: string[];
  graders: string[];
}

/** Decides the files, checks them, then writes the student repository into outDir. */
export function planRelease(repoRoot: string): { copied: string[]; graders: string[]; exercises: string[] } {
  const tracked = trackedFiles(repoRoot);
  const graders = graderDirs(tracked);
  const copied = new Set(tracked.filter(isCopiedAsIs));
  for (const dir of graders) {
    for (const file of graderPublicPart(repoRoot, dir, tracked).files) copied.add(file);
  }
  const exercises = [...new Set(tracked.filter((p) => /^exercises\/[^/]+\/package\.json$/.test(p)).map((p) => p.split('/')[1]!))].sort();
  for (const exercise of exercises) {
    if (!graders.includes(`graders/${exercise}`)) throw new Error(`release: ${exercise} has no grader (graders/${exercise}/rubric.ts).`);
  }
  const files = [...copied].sort();
  checkShippedFiles(repoRoot, files);
  return { copied: files, graders, exercises };
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function writeText(outDir: string, file: string, text: string, generated: string[]): void {
  mkdirSync(dirname(join(outDir, file)), { recursive: true });
  writeFileSync(join(outDir, file), text);
  generated.push(file);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function writeRelease(options: ReleaseOptions): ReleaseResult {
  const { repoRoot, outDir } = options;
  const log = options.log ?? (() => {});
  const plan = planRelease(repoRoot);
  mkdirSync(outDir, { recursive: true });
  for (const file of plan.copied) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(outDir, file));
  }
  log(`copied ${plan.copied.length} files`);

  const generated: string[] = [];
  writeText(outDir, 'package.json', json(studentRootPackageJson(readJson(join(repoRoot, 'package.json')))), generated);
  writeText(outDir, 'tsconfig.json', json(studentTsconfig(readJson(join(repoRoot, 'tsconfig.json')))), generated);
  for (const dir of plan.graders) {
    const exercise = posix.basename(dir);
    writeText(outDir, `${dir}/package.json`, json(studentGraderPackageJson(readJson(join(repoRoot, dir, 'package.json')), exercise)), generated);
  }
  writeText(outDir, 'README.md', studentReadme(plan.exercises), generated);
  copyFileSync(join(repoRoot, 'package-lock.json'), join(outDir, 'package-lock.json'));
  generated.push('package-lock.json');
  if (!options.skipLockfile) pruneLockfile(outDir, log);
  return { copied: plan.copied, generated: generated.sort(), exercises: plan.exercises, graders: plan.graders };
}
