import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { main } from '../src/cli.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'release-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('release cli: clear errors before anything is written', () => {
  let errors: MockInstance;
  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => errors.mockRestore());
  const said = () => errors.mock.calls.map((c) => String(c[0])).join('\n');

  it('--out missing', () => {
    expect(main([])).toBe(2);
    expect(said()).toMatch(/--out is missing[\s\S]*usage: npm run release:student -- --out DIR/);
  });

  it('an unknown option', () => {
    expect(main(['--out', join(scratch, 'x'), '--bogus'])).toBe(2);
    expect(said()).toMatch(/Unknown option '--bogus'/);
  });

  it('--out not empty, without --force', () => {
    const out = join(scratch, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    expect(main(['--out', out])).toBe(2);
    expect(said()).toMatch(/is not empty \(1 entries\); choose an empty folder or pass --force/);
  });

  it('--out is a file', () => {
    const file = join(scratch, 'file');
    writeFileSync(file, '');
    expect(main(['--out', file])).toBe(2);
    expect(said()).toMatch(/exists and is not a folder/);
  });

  it('--out inside the instructor repository', () => {
    expect(main(['--out', join(REPO_ROOT, 'student')])).toBe(2);
    expect(said()).toMatch(/is inside the instructor repository/);
    expect(main(['--out', REPO_ROOT])).toBe(2);
  });
});

describe('release cli: --force', () => {
  it('empties a non-empty --out first, then writes the release', () => {
    const out = join(scratch, 'forced');
    mkdirSync(join(out, 'old', 'deep'), { recursive: true });
    writeFileSync(join(out, 'old', 'deep', 'junk.ts'), 'junk');
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(main(['--out', out, '--force'])).toBe(0);
      expect(logs.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/release: wrote \d+ files to/);
    } finally {
      logs.mockRestore();
    }
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(existsSync(join(out, 'README.md'))).toBe(true);
    expect(existsSync(join(out, 'exercises', 'exercise-1', 'src', 'index.ts'))).toBe(true);
    expect(existsSync(join(out, 'solutions'))).toBe(false);
  }, 60_000);
});
