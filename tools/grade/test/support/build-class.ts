import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@dlcourse/grading/runner';
import { writeZip } from './write-zip.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/class', import.meta.url));
const REFERENCE_1 = join(REPO_ROOT, 'solutions/exercise-1/src');
const EXERCISE_1_SRC = 'exercises/exercise-1/src';

/** The fixture class (see fixtures/class/README.md), completed in a fresh temp folder. */
export async function buildFixtureClass(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-class-'));
  for (const entry of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    cpSync(join(FIXTURES, entry.name), join(dir, entry.name), { recursive: true });
    writeFileSync(join(dir, entry.name, EXERCISE_1_SRC, 'reference.ts'), readFileSync(join(REFERENCE_1, 'activations.ts')));
  }
  // Ordinary submissions: the reference (two exercises), the untouched stub, a broken file.
  for (const exercise of ['exercise-1', 'exercise-2']) cpSync(join(REPO_ROOT, 'solutions', exercise, 'src'), join(dir, 'right', 'exercises', exercise, 'src'), { recursive: true });
  cpSync(join(REPO_ROOT, EXERCISE_1_SRC), join(dir, 'stub', EXERCISE_1_SRC), { recursive: true });
  mkdirSync(join(dir, 'syntax-error', EXERCISE_1_SRC), { recursive: true });
  writeFileSync(join(dir, 'syntax-error', EXERCISE_1_SRC, 'index.ts'), 'export function sigmoid(x { return x; }\n');

  // A zip wrapping the repository in a folder, as GitHub's "Download ZIP" does. The other archive
  // cases, hostile ones included, are tested on their own (extract.test.ts).
  const solutionFiles = readdirSync(REFERENCE_1).map((name) => ({ name, data: readFileSync(join(REFERENCE_1, name), 'utf8') }));
  writeZip(join(dir, 'right-zip.zip'), [{ name: 'student-repo/' }, ...solutionFiles.map((f) => ({ name: `student-repo/${EXERCISE_1_SRC}/${f.name}`, data: f.data }))]);
  return dir;
}
