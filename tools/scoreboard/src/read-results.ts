/**
 * Reads a folder of Gradescope results.json files into one record per (student, exercise).
 *
 * Layouts accepted (both may be mixed, also inside one student's folder):
 *   <results>/<student-id>/<exercise>/results.json   the exercise is the folder's name
 *   <results>/<student-id>/results.json              one exercise: its name is the file's own
 *       top-level "exercise" string when present (as @dlcourse/grading's GradeResult has),
 *       else `defaultExercise` (the CLI's --exercise), else the name of the <results> folder.
 * Folders and files whose names start with "." are ignored.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

/** The part of Gradescope's results.json the scoreboard uses. */
export interface ResultRecord {
  student: string;
  exercise: string;
  score: number;
  maxScore: number;
  /** The file it came from, for messages. */
  file: string;
}

export interface ReadOutcome {
  records: ResultRecord[];
  /** Things worth telling the instructor that do not stop the run. */
  warnings: string[];
}

export class ResultsError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ResultsError';
  }
}

export interface ReadOptions {
  defaultExercise?: string;
}

export async function readResultsDir(dir: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  const root = resolve(dir);
  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new ResultsError(root, 'not a folder (expected <results>/<student-id>/<exercise>/results.json)');
  const fallbackExercise = options.defaultExercise ?? basename(root);
  const records: ResultRecord[] = [];
  const warnings: string[] = [];

  for (const studentEntry of await sortedEntries(root)) {
    if (!studentEntry.isDirectory()) {
      if (studentEntry.name.endsWith('.json')) warnings.push(`${join(root, studentEntry.name)}: ignored (results go in <results>/<student-id>/…)`);
      continue;
    }
    const student = studentEntry.name;
    const studentDir = join(root, student);
    const seen = new Map<string, string>();
    const add = (record: ResultRecord) => {
      const earlier = seen.get(record.exercise);
      if (earlier) throw new ResultsError(record.file, `a second result for student "${student}", exercise "${record.exercise}" (the first is ${earlier})`);
      seen.set(record.exercise, record.file);
      records.push(record);
    };
    let found = 0;
    for (const entry of await sortedEntries(studentDir)) {
      if (entry.isFile() && entry.name === 'results.json') {
        const file = join(studentDir, entry.name);
        const parsed = parseResults(await readFile(file, 'utf8'), file);
        add({ student, exercise: parsed.exercise ?? fallbackExercise, score: parsed.score, maxScore: parsed.maxScore, file });
        found++;
      } else if (entry.isDirectory()) {
        const file = join(studentDir, entry.name, 'results.json');
        const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return undefined;
          throw new ResultsError(file, `cannot be read (${e.message})`);
        });
        if (text === undefined) {
          warnings.push(`${join(studentDir, entry.name)}: no results.json; counted as not submitted`);
          continue;
        }
        const parsed = parseResults(text, file);
        add({ student, exercise: entry.name, score: parsed.score, maxScore: parsed.maxScore, file });
        found++;
      }
    }
    if (found === 0) warnings.push(`${studentDir}: no results.json found for this student`);
  }
  return { records, warnings };
}

async function sortedEntries(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface ParsedResults {
  score: number;
  maxScore: number;
  exercise?: string;
}

/**
 * Validates one results.json. As on Gradescope, a missing top-level score / max_score is the sum
 * over tests[]; every error names the file and the field.
 */
export function parseResults(text: string, file: string): ParsedResults {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ResultsError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ResultsError(file, 'expected a JSON object with "score", "max_score" and "tests"');
  const obj = data as Record<string, unknown>;

  let testScore = 0;
  let testMax = 0;
  if (obj.tests !== undefined) {
    if (!Array.isArray(obj.tests)) throw new ResultsError(file, '"tests" must be an array');
    obj.tests.forEach((t: unknown, i: number) => {
      const where = `tests[${i}]`;
      if (typeof t !== 'object' || t === null || Array.isArray(t)) throw new ResultsError(file, `${where} must be an object`);
      const test = t as Record<string, unknown>;
      if (test.name !== undefined && typeof test.name !== 'string') throw new ResultsError(file, `${where}.name must be a string`);
      if (test.score !== undefined) testScore += number(test.score, `${where}.score`, file);
      if (test.max_score !== undefined) testMax += number(test.max_score, `${where}.max_score`, file);
      if (test.status !== undefined && test.status !== 'passed' && test.status !== 'failed') throw new ResultsError(file, `${where}.status must be "passed" or "failed", got ${JSON.stringify(test.status)}`);
    });
  }
  const hasTests = Array.isArray(obj.tests) && obj.tests.length > 0;
  if (obj.score === undefined && !hasTests) throw new ResultsError(file, 'missing "score" (and no tests[] to add it up from)');
  if (obj.max_score === undefined && !hasTests) throw new ResultsError(file, 'missing "max_score" (and no tests[] to add it up from)');
  const score = obj.score === undefined ? testScore : number(obj.score, 'score', file);
  const maxScore = obj.max_score === undefined ? testMax : number(obj.max_score, 'max_score', file);
  if (maxScore < 0) throw new ResultsError(file, `"max_score" must not be negative, got ${maxScore}`);

  let exercise: string | undefined;
  if (obj.exercise !== undefined) {
    if (typeof obj.exercise !== 'string' || obj.exercise.trim() === '') throw new ResultsError(file, '"exercise" must be a non-empty string');
    exercise = obj.exercise;
  }
  return { score, maxScore, exercise };
}

function number(value: unknown, field: string, file: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ResultsError(file, `"${field}" must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}
