/** The grade command's arguments, checked, turned into a class run or a merge. */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '@dlcourse/grading/runner';
import { currentLanguage, type Language } from '@dlcourse/grading';
import { DEFAULT_LIMITS, defaultJobs } from './limits.js';
import { gradeClass } from './grade-class.js';
import { mergeShards } from './merge.js';
import { parseShard } from './submissions.js';

const USAGE = `Grade a class's submissions, each in its own sandboxed process.

  npm run grade -- --submissions <dir> --out <dir> [options]
  npm run grade -- merge --out <dir> [--site <dir>] <shard-out-dir>...

A submission is a folder, .zip, .tar.gz or .tgz in <dir> holding a student's exercises/ (a whole
repository is fine); its file or folder name is the student's id.

Options:
  --exercises 1,2,6        exercises to grade (names or numbers; default: every exercise)
  --jobs N                 submissions graded at once (default: ${defaultJobs()}, the cores)
  --timeout S              seconds for one submission, all exercises (default ${DEFAULT_LIMITS.submissionTimeoutMs / 1000})
  --test-timeout S         the most seconds any one test may take, the rubric's own limits included
                           (default: each test its rubric's limit; ${DEFAULT_LIMITS.testTimeoutMs / 1000} s for tests without one)
  --memory MB              memory of one submission's processes (default ${DEFAULT_LIMITS.memoryMb})
  --shard i/n              grade only the i-th of n equal parts (1-based), for many machines
  --seed N                 fast-check seed (default ${DEFAULT_SEED}: every student meets the same cases)
  --force                  grade again even what is already graded
  --title TEXT             the scoreboard's title
  --lang en|ru             language of the results
  -h, --help
merge --site <dir> also writes the scoreboard with pseudonyms (HMAC with $SCOREBOARD_SALT) for a
public page. Writes <out>/<id>/results.json (Gradescope), <out>/<id>/<exercise>/results.json, and
<out>/grades.csv, scoreboard.json, scoreboard.md, index.html. A rerun skips what is graded.`;

function positiveNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} ${text}: expected a positive number (see --help).`);
  return value;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'merge') {
    const { values, positionals } = parseArgs({
      args: argv.slice(1),
      options: { out: { type: 'string' }, site: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) return void console.log(USAGE), 0;
    if (!values.out) throw new Error('merge needs --out <dir>: where the joined results and the scoreboard go.');
    const salt = process.env.SCOREBOARD_SALT;
    if (values.site && !salt) throw new Error('merge --site publishes pseudonyms, not ids: set SCOREBOARD_SALT to a secret (keep it to map pseudonyms back).');
    const summary = await mergeShards(positionals, values.out, { title: values.title, site: values.site && salt ? { dir: values.site, salt } : undefined });
    console.error(`merged ${summary.submissions} submission(s) from ${positionals.length} shard(s)`);
    if (summary.versions.length > 1) console.error(`warning: the shards were graded with ${summary.versions.length} grader versions; scores may not be comparable.`);
    if (summary.outputs.length) console.error(`scoreboard: ${summary.outputs.join(', ')}`);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      submissions: { type: 'string' },
      out: { type: 'string' },
      exercises: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'test-timeout': { type: 'string' },
      memory: { type: 'string' },
      shard: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean' },
      title: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) return void console.log(USAGE), 0;
  if (positionals.length) throw new Error(`Unexpected argument '${positionals[0]}'. Did you mean \`merge\`? (see --help)`);
  if (!values.submissions || !values.out) throw new Error('Both --submissions <dir> and --out <dir> are needed (see --help).');
  if (values.lang && values.lang !== 'en' && values.lang !== 'ru') throw new Error(`--lang ${values.lang}: expected en or ru.`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed ${values.seed}: expected an integer.`);
  const summary = await gradeClass({
    submissions: values.submissions,
    out: values.out,
    exercises: values.exercises?.split(',').map((e) => e.trim()).filter(Boolean),
    jobs: Math.floor(positiveNumber('--jobs', values.jobs, defaultJobs())),
    shard: values.shard ? parseShard(values.shard) : undefined,
    timeoutMs: positiveNumber('--timeout', values.timeout, DEFAULT_LIMITS.submissionTimeoutMs / 1000) * 1000,
    testTimeoutMs: positiveNumber('--test-timeout', values['test-timeout'], DEFAULT_LIMITS.testTimeoutMs / 1000) * 1000,
    testTimeoutCapMs: values['test-timeout'] === undefined ? undefined : positiveNumber('--test-timeout', values['test-timeout'], 0) * 1000,
    memoryMb: positiveNumber('--memory', values.memory, DEFAULT_LIMITS.memoryMb),
    seed,
    language: (values.lang as Language | undefined) ?? currentLanguage(),
    force: values.force,
    title: values.title,
  });
  return summary.outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

