/**
 * dlgrade — grade one exercise.
 *
 *   dlgrade exercise-3                      grade ./ (an exercise folder, its src, or a repo)
 *   dlgrade exercise-3 --submission DIR     grade another folder
 *   dlgrade exercise-3 --watch              rerun on every save
 *   dlgrade exercise-3 --json results.json  also write Gradescope's results.json
 *   dlgrade exercise-3 --result grade.json  also write the full grade (rubric keys) as JSON
 *   dlgrade exercise-3 --submission a=DIR --submission b=DIR --result-dir OUT
 *                                           grade several trusted submissions in one run
 *
 * Exit status: 0 with full points, 1 otherwise, 2 when grading itself could not run.
 */
import { parseArgs } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { runGrader } from '../run/run-grader.js';
import { gradeSubmissions } from '../run/grade-many.js';

const USAGE = 'usage: dlgrade <exercise> [--submission DIR] [--json FILE] [--result FILE] [--result-dir DIR] [--watch] [--quiet] [--verbose] [--show-hidden] [--seed N] [--lang en|ru]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        submission: { type: 'string', multiple: true },
        'result-dir': { type: 'string' },
        json: { type: 'string' },
        result: { type: 'string' },
        watch: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        'show-hidden': { type: 'boolean', default: false },
        seed: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`dlgrade: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`dlgrade: name one exercise, e.g. dlgrade exercise-1.\n${USAGE}`);
    return 2;
  }
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'ru') {
    console.error(`dlgrade: --lang must be en or ru, got '${values.lang}'.`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    console.error(`dlgrade: --seed must be an integer, got '${values.seed}'.`);
    return 2;
  }
  const submissions = values.submission ?? ['.'];
  try {
    if (submissions.length > 1 || values['result-dir']) {
      return await gradeBatch(positionals[0], submissions, values['result-dir'], seed, values.lang as 'en' | 'ru' | undefined, !values.quiet);
    }
    const result = await runGrader({
      exercise: positionals[0],
      submission: submissions[0],
      json: values.json,
      resultFile: values.result,
      watch: values.watch,
      print: !values.quiet,
      verbose: values.verbose,
      showHidden: values['show-hidden'],
      seed,
      language: values.lang as 'en' | 'ru' | undefined,
    });
    return result.score === result.maxScore && result.errors.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`dlgrade: ${(error as Error).message}`);
    return 2;
  }
}

/** Several submissions in one vitest run; each grade goes to <dir>/<id>.json. */
async function gradeBatch(exercise: string, specs: string[], dir: string | undefined, seed: number | undefined, language: 'en' | 'ru' | undefined, print: boolean): Promise<number> {
  if (!dir) throw new Error('grading several submissions needs --result-dir DIR for their results.');
  const submissions = specs.map((spec) => {
    const eq = spec.indexOf('=');
    return eq > 0 ? { id: spec.slice(0, eq), path: spec.slice(eq + 1) } : { id: basename(resolve(spec)), path: spec };
  });
  const results = await gradeSubmissions({ exercise, submissions, seed, language });
  await mkdir(dir, { recursive: true });
  let allFull = true;
  for (const [id, result] of results) {
    await writeFile(join(dir, `${id}.json`), `${JSON.stringify(result, null, 2)}\n`);
    allFull &&= result.score === result.maxScore && result.errors.length === 0;
    if (print) console.log(`${id}: ${result.score}/${result.maxScore}`);
  }
  return allFull ? 0 : 1;
}

process.exitCode = await main();
