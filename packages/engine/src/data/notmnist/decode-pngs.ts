import { mapBounded } from './map-bounded.js';
import { loadSharp, suspendSharpCache, type SharpModule } from './sharp-cache.js';
import type { RawImageFile, SkippedFile } from './types.js';

export interface DecodeOptions {
  height: number;
  width: number;
  /** PNG decodes in flight at once; sharp runs them on libuv's thread pool. */
  concurrency: number;
}

export interface DecodedImages {
  files: string[];
  labels: Uint8Array;
  /** files.length × height × width bytes. */
  pixels: Uint8Array;
  skipped: SkippedFile[];
}

/**
 * Decodes PNGs to 8-bit grey with sharp (`toColourspace('b-w').raw()`), keeping the input order.
 * A file that is empty, unreadable or not height×width×1 is left out and reported in `skipped`
 * with its reason (a wrong size is skipped rather than fatal, like an unreadable file: the caller
 * reports both in one warning; a source where nothing is readable is an error there).
 */
export async function decodePngs(images: readonly RawImageFile[], options: DecodeOptions): Promise<DecodedImages> {
  const { height, width } = options;
  const size = height * width;
  const pixels = new Uint8Array(images.length * size);
  const sharp = await loadSharp();
  const restoreCache = suspendSharpCache(sharp);
  let reasons: (string | null)[];
  try {
    reasons = await mapBounded(images, options.concurrency, async (image, i) => {
      const decoded = await decodeGrey(sharp, image.bytes, height, width);
      if (typeof decoded === 'string') return decoded;
      pixels.set(decoded, i * size);
      return null;
    });
  } finally {
    restoreCache();
  }

  const files: string[] = [];
  const labels = new Uint8Array(images.length);
  const skipped: SkippedFile[] = [];
  let n = 0;
  images.forEach((image, i) => {
    const reason = reasons[i];
    if (reason !== null) {
      skipped.push({ file: image.file, reason });
      return;
    }
    if (n !== i) pixels.copyWithin(n * size, i * size, (i + 1) * size);
    labels[n] = image.label;
    files.push(image.file);
    n++;
  });
  return { files, labels: labels.subarray(0, n), pixels: pixels.subarray(0, n * size), skipped };
}

/** The pixels of one PNG, or why it cannot be used. */
async function decodeGrey(sharp: SharpModule, bytes: Uint8Array, height: number, width: number): Promise<Uint8Array | string> {
  if (bytes.length === 0) return 'empty file (0 bytes)';
  try {
    const { data, info } = await sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    if (info.width !== width || info.height !== height || info.channels !== 1) {
      return `${info.width}×${info.height}×${info.channels}, expected ${width}×${height}×1`;
    }
    if (data.length !== height * width) return `${data.length / (height * width)} bytes per pixel, expected 8-bit`;
    return data;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `unreadable: ${message.split('\n')[0].trim()}`;
  }
}
