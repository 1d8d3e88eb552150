import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodePack, encodePack, InvalidPackError, PACK_VERSION } from './pack-format.js';
import type { PackedImages } from './types.js';

/** A temp file this old is left over from a killed run and may be removed. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/** The cache file's name: the kind of source, the first 16 hex digits of its key, the format version. */
export function packFileName(kind: 'archive' | 'folder', key: string): string {
  return `notMNIST_small-${kind === 'archive' ? 'sha256' : 'folder'}-${key.slice(0, 16)}.v${PACK_VERSION}.pack`;
}

export type PackRead =
  | { status: 'hit'; data: PackedImages }
  | { status: 'missing' }
  | { status: 'invalid'; reason: string };

/** Reads a cache file; a file that cannot be read or fails any check is reported 'invalid' with why. */
export async function readPack(file: string, key: string): Promise<PackRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid', reason: `cannot be read: ${(error as Error).message}` };
  }
  try {
    return { status: 'hit', data: decodePack(bytes, key) };
  } catch (error) {
    if (error instanceof InvalidPackError) return { status: 'invalid', reason: error.message };
    throw error;
  }
}

/**
 * Writes the cache file atomically: into a temp file beside it (flushed to disk), then renamed over
 * it, so that a reader sees either no file or a whole one, even if this process is killed midway.
 * On failure the temp file is removed. Temp files left by killed runs are cleaned up when stale.
 */
export async function writePackAtomically(file: string, key: string, data: PackedImages): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir, basename(file));
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx');
    try {
      for (const part of encodePack(key, data)) await handle.writeFile(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function removeStaleTemps(dir: string, name: string): Promise<void> {
  try {
    const now = Date.now();
    for (const entry of await readdir(dir)) {
      if (!entry.startsWith(`${name}.`) || !entry.endsWith('.tmp')) continue;
      const path = join(dir, entry);
      const info = await stat(path).catch(() => null);
      if (info !== null && now - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    }
  } catch {
    // Best effort: a leftover temp file wastes space but harms nothing.
  }
}
