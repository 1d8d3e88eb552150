import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { create } from 'tar';

/** The grey value of pixel (y, x) of synthetic image `seed`: every image differs, every value is known. */
export function syntheticPixel(seed: number, y: number, x: number): number {
  return (seed * 37 + y * 11 + x * 3) % 256;
}

/** A grey PNG (8-bit, one channel) of the given size, written the way DESIGN.md says. */
export async function greyPng(seed: number, width = 28, height = 28): Promise<Buffer> {
  const raw = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * width + x] = syntheticPixel(seed, y, x);
  return sharp(raw, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png().toBuffer();
}

/** Writes files (relative path → bytes) under `root`. */
export async function writeTree(root: string, files: Record<string, Uint8Array>): Promise<void> {
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), bytes);
  }
}

/** Packs `entries` (paths relative to `cwd`, in this order) into a .tar.gz at `file`. */
export async function tarGz(cwd: string, entries: string[], file: string): Promise<void> {
  await create({ gzip: true, cwd, file, portable: true }, entries);
}
