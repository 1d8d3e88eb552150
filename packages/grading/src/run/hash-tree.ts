import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * A hash of files under `paths` (their paths relative to `root`, and contents, in a fixed order),
 * ignoring links and node_modules, .git and .vite. Batch grading compares submissions and grader
 * versions with it (a folder and its .zip hash alike); the pre-built modules are named by it.
 */
export async function hashTree(root: string, paths: string[] = [root]): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const path of paths) if (existsSync(path)) await listFiles(path, files);
  files.sort();
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function listFiles(path: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    into.push(path); // a single file
    return;
  }
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git' && entry.name !== '.vite') await listFiles(full, into);
    else if (entry.isFile()) into.push(full);
  }
}
