import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tar from 'tar';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '@dlcourse/grading/runner';
import { ExtractionError, extractSubmission } from '../src/extract.js';
import { discoverSubmissions, parseShard, selectShard } from '../src/submissions.js';
import { writeZip } from './support/write-zip.js';
import { fresh } from './support/temp-dirs.js';

const SRC = 'exercises/exercise-1/src';
const SOLUTION = join(REPO_ROOT, 'solutions/exercise-1/src/activations.ts');
const INDEX = "export * from './activations.js';\n";


/** Every path under dir, and whether any is a link. */
function listing(dir: string): { files: string[]; links: number } {
  const files: string[] = [];
  let links = 0;
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const stat = lstatSync(join(d, name));
      if (stat.isSymbolicLink()) links++;
      if (stat.isDirectory()) walk(join(d, name), `${rel}${name}/`);
      else files.push(`${rel}${name}`);
    }
  };
  walk(dir, '');
  return { files: files.sort(), links };
}

describe('unpacking a submission', () => {
  test('a .tar.gz arrives whole; a link in it (to the solutions) is left out, not followed', async () => {
    const staging = fresh('tar-src');
    mkdirSync(join(staging, SRC), { recursive: true });
    writeFileSync(join(staging, SRC, 'index.ts'), INDEX);
    symlinkSync(SOLUTION, join(staging, SRC, 'activations.ts'));
    writeFileSync(join(staging, SRC, 'helpers.ts'), 'export const one = 1;\n');
    const archive = join(fresh('tar'), 'eve.tar.gz');
    await tar.c({ gzip: true, file: archive, cwd: staging }, ['exercises']);
    const dest = fresh('tar-out');
    const skipped = await extractSubmission({ id: 'eve', path: archive, kind: 'tar.gz' }, dest);
    expect(skipped).toEqual([`${SRC}/activations.ts`]);
    expect(listing(dest)).toEqual({ files: [`${SRC}/helpers.ts`, `${SRC}/index.ts`], links: 0 });
  });

  test('a .zip arrives whole; a link entry in it is left out', async () => {
    const archive = join(fresh('zip'), 'eve.zip');
    writeZip(archive, [
      { name: `${SRC}/index.ts`, data: INDEX },
      { name: `${SRC}/activations.ts`, data: SOLUTION, mode: 0o120777 },
      { name: `${SRC}/helpers.ts`, data: 'export const one = 1;\n' },
    ]);
    const dest = fresh('zip-out');
    expect(await extractSubmission({ id: 'eve', path: archive, kind: 'zip' }, dest)).toEqual([`${SRC}/activations.ts`]);
    expect(listing(dest)).toEqual({ files: [`${SRC}/helpers.ts`, `${SRC}/index.ts`], links: 0 });
    expect(readFileSync(join(dest, SRC, 'index.ts'), 'utf8')).toBe(INDEX);
  });

  test('a zip entry that climbs out of the folder is refused, and nothing lands outside', async () => {
    const base = fresh('slip');
    const archive = join(base, 'eve.zip');
    writeZip(archive, [
      { name: `${SRC}/index.ts`, data: INDEX },
      { name: '../../escaped.ts', data: 'export const escaped = true;\n' },
    ]);
    const dest = join(base, 'a', 'b', 'out');
    await expect(extractSubmission({ id: 'eve', path: archive, kind: 'zip' }, dest)).rejects.toThrow(ExtractionError);
    expect(existsSync(join(base, 'a', 'escaped.ts'))).toBe(false);
    expect(existsSync(join(base, 'escaped.ts'))).toBe(false);
  });

  test('a corrupt archive is refused with a reason', async () => {
    const archive = join(fresh('bad'), 'eve.zip');
    writeFileSync(archive, 'not a zip at all');
    await expect(extractSubmission({ id: 'eve', path: archive, kind: 'zip' }, fresh('bad-out'))).rejects.toThrow(/could not unpack eve\.zip/);
  });

  test("a folder is copied without its links, node_modules or .git", async () => {
    const from = fresh('folder');
    mkdirSync(join(from, SRC), { recursive: true });
    mkdirSync(join(from, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(from, '.git'));
    writeFileSync(join(from, SRC, 'index.ts'), INDEX);
    writeFileSync(join(from, 'node_modules', 'x', 'index.js'), '');
    writeFileSync(join(from, '.git', 'HEAD'), '');
    symlinkSync(SOLUTION, join(from, SRC, 'activations.ts'));
    const dest = fresh('folder-out');
    expect(await extractSubmission({ id: 'eve', path: from, kind: 'folder' }, dest)).toEqual([`${SRC}/activations.ts`]);
    expect(listing(dest)).toEqual({ files: [`${SRC}/index.ts`], links: 0 });
  });
});

describe('finding and sharding the class', () => {
  test('folders and archives are submissions named after them; other files are reported', () => {
    const dir = fresh('class');
    mkdirSync(join(dir, 'ada'));
    writeFileSync(join(dir, 'bob.zip'), '');
    writeFileSync(join(dir, 'cyd.tar.gz'), '');
    writeFileSync(join(dir, 'dan.tgz'), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    writeFileSync(join(dir, '.DS_Store'), '');
    const { submissions, ignored } = discoverSubmissions(dir);
    expect(submissions.map((s) => [s.id, s.kind])).toEqual([
      ['ada', 'folder'],
      ['bob', 'zip'],
      ['cyd', 'tar.gz'],
      ['dan', 'tar.gz'],
    ]);
    expect(ignored).toEqual(['notes.txt']);
  });

  test('two submissions with one id are an error that names both', () => {
    const dir = fresh('twins');
    mkdirSync(join(dir, 'ada'));
    writeFileSync(join(dir, 'ada.zip'), '');
    expect(() => discoverSubmissions(dir)).toThrow(/Two submissions are named 'ada'/);
  });

  test('shards cover every submission exactly once', () => {
    const ids = Array.from({ length: 23 }, (_, i) => i);
    const parts = [1, 2, 3, 4].map((i) => selectShard(ids, parseShard(`${i}/4`)));
    expect(parts.flat().sort((a, b) => a - b)).toEqual(ids);
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
  });

  test.each(['0/4', '5/4', '1/0', 'two/4', '1'])('--shard %s is refused with the expected form', (text) => {
    expect(() => parseShard(text)).toThrow(/expected i\/n with 1 ≤ i ≤ n/);
  });
});
