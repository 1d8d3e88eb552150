import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CLASS, tempDir, writeTree } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '../../..');
const CLI = join(REPO, 'tools/scoreboard/src/cli.ts');
const TSX = join(REPO, 'node_modules/.bin/tsx');

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { SCOREBOARD_SALT: _drop, ...base } = process.env;
  return promisify(execFile)(TSX, [CLI, ...args], { env: { ...base, ...env }, cwd: REPO }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('cli', () => {
  it('writes the four files from the fixture class', async () => {
    const out = await tempDir();
    const r = await run(['--results', FIXTURE_CLASS, '--out', out, '--title', 'Fixture class']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 students × 4 exercises/);
    const csv = await readFile(join(out, 'grades.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,exercise-1,exercise-2,exercise-3,exercise-10,total');
    expect(csv).toContain('"s0999, jr",8,,5,20,33\r\n');
    const json = JSON.parse(await readFile(join(out, 'scoreboard.json'), 'utf8'));
    expect(json).toMatchObject({ version: 1, title: 'Fixture class', pseudonymous: false, maxTotal: 55 });
    expect(json.students).toHaveLength(6);
    expect(await readFile(join(out, 'scoreboard.md'), 'utf8')).toContain('| ada.lovelace | 10 | 10 | 15 | 20 | 55 |');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<title>Fixture class</title>');
  });

  it('refuses --pseudonymous without a salt, and uses SCOREBOARD_SALT', async () => {
    const out = await tempDir();
    const refused = await run(['--results', FIXTURE_CLASS, '--out', out, '--pseudonymous']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--pseudonymous needs a secret salt/);
    const ok = await run(['--results', FIXTURE_CLASS, '--out', out, '--pseudonymous'], { SCOREBOARD_SALT: 'term-secret' });
    expect(ok.code).toBe(0);
    for (const name of ['grades.csv', 'scoreboard.json', 'scoreboard.md', 'index.html']) {
      const text = await readFile(join(out, name), 'utf8');
      for (const id of ['ada.lovelace', 'alan_turing', 'edsger', 'grace-hopper', 's1042', 's0999']) expect(text, `${name} shows ${id}`).not.toContain(id);
      expect(text).toMatch(/anon-[0-9a-f]{16}/);
    }
  });

  it('exits 1 naming the malformed file, 2 on bad usage', async () => {
    const root = await tempDir();
    await writeTree(root, { 'ann/exercise-1/results.json': '{"score": "ten", "max_score": 10}' });
    const bad = await run(['--results', root, '--out', await tempDir()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`malformed results: ${join(root, 'ann/exercise-1/results.json')}: "score" must be a finite number`);
    expect((await run(['--out', root])).code).toBe(2);
    expect((await run(['--results', root, '--out', root, '--bogus'])).code).toBe(2);
  });
});
