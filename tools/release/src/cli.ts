/**
 * npm run release:student -- --out DIR [--force]
 *
 * Writes the repository students clone into DIR: the engine, the grading kit, the exercises'
 * stubs, the graders' public parts, tools/datasets; no solutions, mutants, alternatives, hidden
 * tests, proofs or instructor tools. See src/manifest.ts for the rules.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRelease } from './release.js';

const USAGE = 'usage: npm run release:student -- --out DIR [--force]\n  --out DIR   where to write the student repository (absent or empty)\n  --force     empty DIR first when it is not empty';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`release: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) {
    console.error(`release: --out is missing: name the folder to write the student repository into.\n${USAGE}`);
    return 2;
  }
  const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const inside = relative(REPO_ROOT, outDir);
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    console.error(`release: --out ${outDir} is inside the instructor repository (${REPO_ROOT}); choose a folder outside it.`);
    return 2;
  }
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) {
      console.error(`release: --out ${outDir} exists and is not a folder.`);
      return 2;
    }
    const entries = readdirSync(outDir);
    if (entries.length > 0) {
      if (!values.force) {
        console.error(`release: --out ${outDir} is not empty (${entries.length} entries); choose an empty folder or pass --force to empty it first.`);
        return 2;
      }
      for (const entry of entries) rmSync(resolve(outDir, entry), { recursive: true, force: true });
    }
  }
  try {
    const result = writeRelease({ repoRoot: REPO_ROOT, outDir, log: (line) => console.log(`release: ${line}`) });
    console.log(
      `release: wrote ${result.copied.length + result.generated.length} files to ${outDir}\n` +
        `  exercises: ${result.exercises.join(', ')}\n  public graders: ${result.graders.join(', ')}\n` +
        `  generated: ${result.generated.join(', ')}\n` +
        `Next: cd ${outDir} && npm ci && npx nx test exercise-1`,
    );
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
