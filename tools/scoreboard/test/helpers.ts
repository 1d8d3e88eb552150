import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultRecord } from '../src/read-results.js';

export const FIXTURE_CLASS = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'class');

export async function tempDir(prefix = 'scoreboard-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes files (path relative to root → content; objects are JSON-encoded). */
export async function writeTree(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
}

export function rec(student: string, exercise: string, score: number, maxScore: number): ResultRecord {
  return { student, exercise, score, maxScore, file: `${student}/${exercise}/results.json` };
}

export function gradescope(score: number, maxScore: number): Record<string, unknown> {
  return {
    score, max_score: maxScore, execution_time: 0.1, output: '', visibility: 'visible', stdout_visibility: 'hidden',
    tests: [{ name: 't', number: '1.1', score, max_score: maxScore, status: score >= maxScore ? 'passed' : 'failed', output: '', visibility: 'visible' }],
  };
}
