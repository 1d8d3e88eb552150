import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildScoreboard, writeOutputs } from '@dlcourse/scoreboard/src/write.js';
import { parseResults, type ResultRecord } from '@dlcourse/scoreboard/src/read-results.js';
import { readMeta } from './results-store.js';

/**
 * grades.csv, scoreboard.json, scoreboard.md and index.html for every graded submission in out,
 * made by the scoreboard tool from the per-exercise results.json files. Folders without a
 * complete grading.json (a run killed mid-way, a staging folder) are not counted. With a salt,
 * every output shows HMAC pseudonyms instead of ids (for a public page); `to` writes elsewhere.
 */
export async function writeScoreboard(out: string, options: { title?: string; salt?: string; to?: string } = {}): Promise<string[]> {
  const records: ResultRecord[] = [];
  for (const entry of await readdir(out, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const meta = await readMeta(join(out, entry.name));
    if (!meta) continue;
    for (const exercise of meta.exercises) {
      const file = join(out, entry.name, exercise, 'results.json');
      const parsed = parseResults(await readFile(file, 'utf8'), file);
      records.push({ student: meta.id, exercise, score: parsed.score, maxScore: parsed.maxScore, file });
    }
  }
  if (records.length === 0) return [];
  return writeOutputs(buildScoreboard(records, { title: options.title, salt: options.salt }), options.to ?? out);
}
