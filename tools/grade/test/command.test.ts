import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { main } from '../src/command.js';

const empty = mkdtempSync(join(tmpdir(), 'dlgrade-cli-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

test.each([
  [['--out', empty], /Both --submissions <dir> and --out <dir> are needed/],
  [['--submissions', join(empty, 'missing'), '--out', join(empty, 'out')], /not a readable folder/],
  [['--submissions', empty, '--out', join(empty, 'out')], /lies inside --submissions/],
  [['--submissions', empty, '--out', join(tmpdir(), 'x'), '--exercises', '9'], /Unknown exercise 'exercise-9': choose from exercise-1/],
  [['--submissions', empty, '--out', join(tmpdir(), 'x'), '--jobs', '0'], /--jobs 0: expected a positive number/],
  [['--submissions', empty, '--out', join(tmpdir(), 'x'), '--shard', '3/2'], /--shard 3\/2: expected i\/n/],
  [['--submissions', empty, '--out', join(tmpdir(), 'x'), '--lang', 'de'], /--lang de: expected en or ru/],
  [['grade', '--submissions', empty], /Unexpected argument 'grade'/],
  [['merge', 'a'], /merge needs --out <dir>/],
])('bad input %j is refused with the fix', async (argv, message) => {
  await expect(main(argv)).rejects.toThrow(message);
});
