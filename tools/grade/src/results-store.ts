import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toGradescope, type GradeResult, type GradescopeResults } from '@dlcourse/grading/runner';

/** <out>/<id>/grading.json: what resume compares, and the run's summary of this submission. */
export interface GradingMeta {
  id: string;
  contentHash: string;
  graderVersion: string;
  exercises: string[];
  score: number;
  maxScore: number;
  /** 'finished', or why the sandbox was stopped. */
  ending: string;
  durationMs: number;
  gradedAt: string;
}

export const META_FILE = 'grading.json';

/** True when <out>/<id> holds a complete result for this content and this grader version. */
export async function isUpToDate(out: string, id: string, contentHash: string, version: string): Promise<boolean> {
  const meta = await readMeta(join(out, id));
  return meta !== null && meta.contentHash === contentHash && meta.graderVersion === version && existsSync(join(out, id, 'results.json'));
}

export async function readMeta(dir: string): Promise<GradingMeta | null> {
  try {
    return JSON.parse(await readFile(join(dir, META_FILE), 'utf8')) as GradingMeta;
  } catch {
    return null;
  }
}

/** One results.json for Gradescope covering every exercise graded (numbers stay "N.k"). */
export function combineGradescope(results: GradeResult[]): GradescopeResults {
  const parts = results.map(toGradescope);
  return {
    score: parts.reduce((s, p) => s + p.score, 0),
    max_score: parts.reduce((s, p) => s + p.max_score, 0),
    execution_time: Math.round(parts.reduce((s, p) => s + p.execution_time, 0) * 1000) / 1000,
    output: parts.map((p, i) => `## ${results[i].exercise}\n${p.output}`).join('\n\n'),
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: parts.flatMap((p) => p.tests),
  };
}

/**
 * Writes <out>/<id>/: results.json (every exercise), <exercise>/results.json (one per exercise,
 * as the scoreboard reads them), log.txt (for the instructor) and grading.json. All of it is
 * written beside the folder and renamed into place, so a run killed mid-write leaves either the
 * old folder or the new one, never half of one; grading.json is what marks it complete.
 */
export async function writeSubmissionResults(out: string, meta: GradingMeta, results: GradeResult[], log: string): Promise<void> {
  const staging = join(out, `.${meta.id}.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const result of results) {
    await mkdir(join(staging, result.exercise));
    await writeJson(join(staging, result.exercise, 'results.json'), toGradescope(result));
  }
  await writeJson(join(staging, 'results.json'), combineGradescope(results));
  await writeFile(join(staging, 'log.txt'), log);
  await writeJson(join(staging, META_FILE), meta);
  await replaceDir(staging, join(out, meta.id));
}

/** Puts `from` where `to` is, keeping the old one until the new one is in place. */
export async function replaceDir(from: string, to: string): Promise<void> {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) await rename(to, old);
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
