/**
 * npm run scoreboard -- --results DIR --out DIR [--pseudonymous [--salt S]] [--title T] [--exercise NAME]
 * Exit status: 0 written, 1 bad input (a malformed results.json, …), 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { requireSalt } from './pseudonym.js';
import { ResultsError } from './read-results.js';
import { generate } from './write.js';

const USAGE = `usage: npm run scoreboard -- --results DIR --out DIR [--pseudonymous] [--salt SECRET] [--title TEXT] [--exercise NAME]

  --results DIR    <DIR>/<student-id>/<exercise>/results.json (Gradescope format), or
                   <DIR>/<student-id>/results.json for one exercise (named by the file's
                   "exercise" field, else --exercise, else the name of DIR)
  --out DIR        writes grades.csv, scoreboard.json, scoreboard.md, index.html
  --pseudonymous   show HMAC-SHA256 pseudonyms instead of ids, in every output
  --salt SECRET    the HMAC key (or env SCOREBOARD_SALT); required with --pseudonymous
  --title TEXT     the page's title (default "Scoreboard")`;

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        results: { type: 'string' },
        out: { type: 'string' },
        pseudonymous: { type: 'boolean', default: false },
        salt: { type: 'string' },
        title: { type: 'string' },
        exercise: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.results || !values.out) {
    console.error(`--results and --out are required.\n${USAGE}`);
    return 2;
  }
  if (values.salt !== undefined && !values.pseudonymous) {
    console.error('--salt is only used with --pseudonymous; add --pseudonymous or drop --salt.');
    return 2;
  }
  let salt: string | undefined;
  if (values.pseudonymous) {
    try {
      salt = requireSalt(values.salt);
    } catch (e) {
      console.error((e as Error).message);
      return 2;
    }
  }
  try {
    const started = performance.now();
    const { board, files } = await generate(values.results, values.out, { title: values.title, salt, exercise: values.exercise });
    for (const w of board.warnings) console.warn(`warning: ${w}`);
    console.log(`${board.students.length} students × ${board.exercises.length} exercises (${board.exercises.map((e) => e.name).join(', ')}) in ${Math.round(performance.now() - started)} ms:`);
    for (const f of files) console.log(`  ${f}`);
    return 0;
  } catch (e) {
    console.error(e instanceof ResultsError ? `malformed results: ${e.message}` : `scoreboard: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
