import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Each test file loads this module afresh, so the folders are removed after that file's tests.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed after the tests of the file that asked for it. */
export function fresh(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `dlgrade-${prefix}-`));
  made.push(dir);
  return dir;
}
