import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeResult } from '../report/types.js';
import { REPO_ROOT } from '../run/paths.js';

/** A known-wrong implementation and the rubric items that must catch it. */
export interface Mutant {
  /** File name under the grader's mutants/ folder, e.g. 'sigmoid-backward-uses-sigma.ts'. */
  file: string;
  /** The realistic mistake it makes, in a sentence. */
  mistake: string;
  /** Rubric keys whose tests must fail on it. */
  caughtBy: string[];
}

/** A correct implementation written differently from the reference; it must score full points. */
export interface Alternative {
  /** File name under the grader's alternatives/ folder. */
  file: string;
  /** How it differs, in a sentence. */
  approach: string;
}

const DLGRADE = fileURLToPath(new URL('../../bin/dlgrade.js', import.meta.url));
const RUN_TIMEOUT_MS = 180_000;

export interface GradeRun {
  exitCode: number;
  result: GradeResult;
  stdout: string;
}

/** Grades a submission in a child process, as a student or the batch grader would. */
export async function gradeInChild(exercise: string, submission: string, workDir: string, name: string): Promise<GradeRun> {
  const resultFile = join(workDir, `${name}.result.json`);
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [DLGRADE, exercise, '--submission', submission, '--result', resultFile, '--lang', 'en'],
      { cwd: REPO_ROOT, timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out, stderr: err }),
    );
  });
  let result: GradeResult;
  try {
    result = JSON.parse(await readFile(resultFile, 'utf8')) as GradeResult;
  } catch {
    throw new Error(`grading ${name} wrote no result (exit ${code}).\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  }
  return { exitCode: code, result, stdout };
}

/**
 * The proof that a grader grades: the reference solution gets full points, the untouched stub
 * gets 0 and a non-zero exit, and every mutant loses the points of the tests that name it.
 * Each becomes one vitest test, so `npm test` asserts all of it without ever being red
 * because a stub fails.
 */
export function proveGrader(spec: { exercise: string; graderDir: string; mutants: Mutant[]; alternatives?: Alternative[] }): void {
  const { exercise, graderDir, mutants, alternatives = [] } = spec;
  let workDir = '';
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), `proof-${exercise}-`));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  describe.concurrent(`${exercise} grader`, () => {
    test('the reference solution scores full points', { timeout: RUN_TIMEOUT_MS }, async () => {
      const run = await gradeInChild(exercise, join(REPO_ROOT, 'solutions', exercise), workDir, 'solution');
      const lost = run.result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.key}: ${t.message}`);
      expect(run.result.errors, run.stdout).toEqual([]);
      expect(lost, run.stdout).toEqual([]);
      expect(run.result.score).toBe(run.result.maxScore);
      expect(run.exitCode).toBe(0);
    });

    test('the untouched stub scores 0, exits non-zero and says which function to write', { timeout: RUN_TIMEOUT_MS }, async () => {
      const run = await gradeInChild(exercise, join(REPO_ROOT, 'exercises', exercise), workDir, 'stub');
      expect(run.result.score, run.stdout).toBe(0);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/Next step: write \w+ in src\//);
    });

    test('the catalogue names at least 8 mutants', () => {
      expect(mutants.length).toBeGreaterThanOrEqual(8);
    });

    for (const alternative of alternatives) {
      test(`accepts a valid alternative: ${alternative.approach} (${alternative.file})`, { timeout: RUN_TIMEOUT_MS }, async () => {
        const run = await gradeInChild(exercise, join(graderDir, 'alternatives', alternative.file), workDir, alternative.file);
        const lost = run.result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.key}: ${t.message}`);
        expect(lost, run.stdout).toEqual([]);
        expect(run.result.score).toBe(run.result.maxScore);
      });
    }

    for (const mutant of mutants) {
      test(`catches: ${mutant.mistake} (${mutant.file})`, { timeout: RUN_TIMEOUT_MS }, async () => {
        const run = await gradeInChild(exercise, join(graderDir, 'mutants', mutant.file), workDir, mutant.file);
        const byKey = new Map(run.result.tests.map((t) => [t.key, t]));
        for (const key of mutant.caughtBy) {
          const outcome = byKey.get(key);
          expect(outcome, `rubric has no item '${key}'`).toBeDefined();
          expect(outcome!.status, `${key} should fail on ${mutant.file}\n${run.stdout}`).not.toBe('passed');
          expect(outcome!.kind, `${key} should fail on a wrong value, not crash: ${outcome!.message}`).not.toBe('NotImplemented');
        }
        expect(run.result.score).toBeLessThan(run.result.maxScore);
        expect(run.exitCode).toBe(1);
      });
    }
  });
}
