/** Reads a results folder and writes the four outputs; what the CLI and the tests call. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { aggregate, type Scoreboard } from './aggregate.js';
import { toCsv } from './csv.js';
import { toHtml } from './html.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { pseudonymizer } from './pseudonym.js';
import { readResultsDir, type ResultRecord } from './read-results.js';

export interface BuildOptions {
  title?: string;
  /** When set, every output shows HMAC pseudonyms instead of ids. */
  salt?: string;
  /** The exercise of a <student>/results.json without an "exercise" field. */
  exercise?: string;
}

export const OUTPUT_FILES = ['grades.csv', 'scoreboard.json', 'scoreboard.md', 'index.html'] as const;

export function buildScoreboard(records: ResultRecord[], options: BuildOptions = {}, warnings: string[] = []): Scoreboard {
  const board = aggregate(records, {
    title: options.title,
    pseudonymous: options.salt !== undefined,
    displayId: options.salt !== undefined ? pseudonymizer(options.salt) : undefined,
  });
  board.warnings.unshift(...warnings);
  return board;
}

export async function writeOutputs(board: Scoreboard, outDir: string): Promise<string[]> {
  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  const files: [string, string][] = [
    ['grades.csv', toCsv(board)],
    ['scoreboard.json', toJson(board)],
    ['scoreboard.md', toMarkdown(board)],
    ['index.html', toHtml(board)],
  ];
  for (const [name, text] of files) await writeFile(join(out, name), text, 'utf8');
  return files.map(([name]) => join(out, name));
}

export async function generate(resultsDir: string, outDir: string, options: BuildOptions = {}): Promise<{ board: Scoreboard; files: string[] }> {
  const { records, warnings } = await readResultsDir(resultsDir, { defaultExercise: options.exercise });
  if (records.length === 0) throw new Error(`${resolve(resultsDir)}: no results.json found (expected <results>/<student-id>/<exercise>/results.json)`);
  const board = buildScoreboard(records, options, warnings);
  return { board, files: await writeOutputs(board, outDir) };
}
