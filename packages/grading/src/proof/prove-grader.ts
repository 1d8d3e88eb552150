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

/** Grades trusted submissions (solution, alternatives, mutants) together in one child process. */
export async function gradeBatchInChild(exercise: string, submissions: { id: string; path: string }[], workDir: string): Promise<Map<string, GradeResult>> {
  const dir = join(workDir, 'batch');
  const args = [DLGRADE, exercise, '--result-dir', dir, '--quiet', '--lang', 'en', ...submissions.flatMap((s) => ['--submission', `${s.id}=${s.path}`])];
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, timeout: RUN_TIMEOUT_MS * 2, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (_error, out, err) =>
      resolve({ stdout: out, stderr: err }),
    );
  });
  const results = new Map<string, GradeResult>();
  for (const { id } of submissions) {
    try {
      results.set(id, JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as GradeResult);
    } catch {
      throw new Error(`grading ${id} wrote no result.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    }
  }
  return results;
}

/**
 * The proof that a grader grades: the reference solution gets full points, the untouched stub
 * gets 0 and a non-zero exit, valid alternatives get full points, and every mutant loses the
 * points of the tests that name it. Each claim is one vitest test, so `npm test` asserts all
 * of it without ever being red because a stub fails. The stub is graded exactly as a student
 * runs it; the trusted rest in one batch run.
 */
export function proveGrader(spec: { exercise: string; graderDir: string; mutants: Mutant[]; alternatives?: Alternative[] }): void {
  const { exercise, graderDir, mutants, alternatives = [] } = spec;
  let workDir = '';
  let batch: Promise<Map<string, GradeResult>>;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), `proof-${exercise}-`));
    batch = gradeBatchInChild(
      exercise,
      [
        { id: 'solution', path: join(REPO_ROOT, 'solutions', exercise) },
        ...alternatives.map((a) => ({ id: `alternative:${a.file}`, path: join(graderDir, 'alternatives', a.file) })),
        ...mutants.map((m) => ({ id: `mutant:${m.file}`, path: join(graderDir, 'mutants', m.file) })),
      ],
      workDir,
    );
    batch.catch(() => {}); // awaited (and reported) by each test
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  describe(`${exercise} grader`, () => {
    test('the untouched stub scores 0, exits non-zero and says which function to write', { timeout: RUN_TIMEOUT_MS }, async () => {
      const run = await gradeInChild(exercise, join(REPO_ROOT, 'exercises', exercise), workDir, 'stub');
      expect(run.result.score, run.stdout).toBe(0);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/Next step: write [\w.]+ in src\//);
    });

    test('the reference solution scores full points', { timeout: RUN_TIMEOUT_MS * 2 }, async () => {
      const result = (await batch).get('solution')!;
      const lost = result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.key}: ${t.message}`);
      expect(result.errors).toEqual([]);
      expect(lost).toEqual([]);
      expect(result.score).toBe(result.maxScore);
      expect(result.hiddenNotRun ?? 0, 'every hidden rubric item has its suite in hidden/').toBe(0);
    });

    test('the catalogue names at least 8 mutants', () => {
      expect(mutants.length).toBeGreaterThanOrEqual(8);
    });

    for (const alternative of alternatives) {
      test(`accepts a valid alternative: ${alternative.approach} (${alternative.file})`, { timeout: RUN_TIMEOUT_MS * 2 }, async () => {
        const result = (await batch).get(`alternative:${alternative.file}`)!;
        const lost = result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.key}: ${t.message}`);
        expect(result.errors).toEqual([]);
        expect(lost).toEqual([]);
      });
    }

    for (const mutant of mutants) {
      test(`catches: ${mutant.mistake} (${mutant.file})`, { timeout: RUN_TIMEOUT_MS * 2 }, async () => {
        const result = (await batch).get(`mutant:${mutant.file}`)!;
        expect(result.errors, `${mutant.file} did not load`).toEqual([]);
        const byKey = new Map(result.tests.map((t) => [t.key, t]));
        for (const key of mutant.caughtBy) {
          const outcome = byKey.get(key);
          expect(outcome, `rubric has no item '${key}'`).toBeDefined();
          expect(outcome!.status, `${key} should fail on ${mutant.file}`).not.toBe('passed');
          expect(outcome!.kind, `${key} should fail on a wrong value, not crash: ${outcome!.message}`).not.toBe('NotImplemented');
        }
        expect(result.score).toBeLessThan(result.maxScore);
      });
    }
  });
}
