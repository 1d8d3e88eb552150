import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveCacheDir } from './cache-dir.js';
import { archiveKey, folderKey } from './cache-key.js';
import { ARCHIVE_HINT, chooseSource, describeSource, type NotMNISTSource } from './choose-source.js';
import { ARCHIVE_ENV, NOTMNIST_CLASSES, NOTMNIST_HEIGHT, NOTMNIST_WIDTH } from './constants.js';
import { decodePngs } from './decode-pngs.js';
import { compareImagePaths } from './image-path.js';
import { packFileName, readPack, writePackAtomically } from './pack-cache.js';
import { readArchiveImages } from './read-archive.js';
import { listFolderImages, readFolderImages } from './read-folder.js';
import { skippedWarning } from './skipped-warning.js';
import type { LoadNotMNISTOptions, NotMNISTDataset, PackedImages, RawImageFile } from './types.js';
import { pixelsToUnitFloats } from './unit-floats.js';

/** PNG decodes in flight: enough to keep libuv's 4 pool threads busy; more gains nothing (measured). */
const DEFAULT_CONCURRENCY = 16;

/**
 * Loads notMNIST_small as typed arrays: from the .tar.gz (read in memory) or an extracted folder,
 * decoding the PNGs with sharp the first time and from a packed cache file afterwards.
 *
 *   const data = await loadNotMNIST({ archive: 'notMNIST_small.tar.gz' });
 *   data.images // Float32Array, n·28·28 values in [0, 1];  data.labels // Int32Array, 0 … 9
 *
 * Files that cannot be used (notMNIST_small has two 0-byte PNGs; also undecodable or non-28×28
 * ones) are left out, listed in `skipped`, and reported in one warning, on every load (cached too).
 */
export async function loadNotMNIST(options: LoadNotMNISTOptions = {}): Promise<NotMNISTDataset> {
  const source = chooseSource(options);
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`loadNotMNIST: concurrency must be a positive integer, got ${concurrency}.`);
  }
  const name = describeSource(source);

  let key: string;
  let readImages: () => Promise<RawImageFile[]>;
  if (source.kind === 'archive') {
    const bytes = await readArchiveFile(source);
    key = archiveKey(bytes);
    readImages = () => readArchiveImages(bytes, source.path);
  } else {
    const listing = await listFolderImages(source.path);
    key = folderKey(listing.images);
    readImages = () => readFolderImages(listing.images);
  }

  const cacheFile = options.useCache === false ? null : join(resolveCacheDir(options.cacheDir), packFileName(source.kind, key));
  if (cacheFile !== null) {
    const cached = await readPack(cacheFile, key);
    const reason = cached.status === 'hit' ? mismatch(cached.data) : cached.status === 'invalid' ? cached.reason : null;
    if (cached.status === 'hit' && reason === null) {
      if (cached.data.skipped.length > 0) warn(skippedWarning(cached.data.skipped, name, cached.data.n));
      return toDataset(cached.data, true, cacheFile);
    }
    if (reason !== null) warn(`notMNIST: ignoring the cache file ${cacheFile} (${reason}); rebuilding it from ${name}.`);
  }

  const raw = (await readImages()).sort(compareImagePaths);
  if (raw.length === 0) {
    throw new Error(`${name} holds no PNG files in class folders A/ … J/: is it notMNIST_small? ${ARCHIVE_HINT}`);
  }
  const decoded = await decodePngs(raw, { height: NOTMNIST_HEIGHT, width: NOTMNIST_WIDTH, concurrency });
  if (decoded.files.length === 0) {
    const { file, reason } = decoded.skipped[0];
    throw new Error(`${name}: none of its ${raw.length} PNG files can be used (e.g. ${file}: ${reason}).`);
  }
  const packed: PackedImages = {
    n: decoded.files.length,
    height: NOTMNIST_HEIGHT,
    width: NOTMNIST_WIDTH,
    classes: [...NOTMNIST_CLASSES],
    files: decoded.files,
    labels: decoded.labels,
    pixels: decoded.pixels,
    skipped: decoded.skipped,
  };
  if (packed.skipped.length > 0) warn(skippedWarning(packed.skipped, name, packed.n));

  let written: string | null = null;
  if (cacheFile !== null) {
    try {
      await writePackAtomically(cacheFile, key, packed);
      written = cacheFile;
    } catch (error) {
      warn(
        `notMNIST: could not write the cache file ${cacheFile} (${(error as Error).message}); ` +
          `the next load will decode the PNGs again.`,
      );
    }
  }
  return toDataset(packed, false, written);
}

async function readArchiveFile(source: NotMNISTSource): Promise<Buffer> {
  try {
    return await readFile(source.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const via = source.from === 'env' ? ` (from $${ARCHIVE_ENV})` : '';
      throw new Error(`notMNIST archive not found: ${source.path}${via}. ${ARCHIVE_HINT}`);
    }
    if (code === 'EISDIR') throw new Error(`${describeSource(source)} is a folder: pass an extracted folder as folder, not archive.`);
    throw new Error(`${describeSource(source)} cannot be read: ${(error as Error).message}`);
  }
}

/** Why a cache file that passed its own checks still does not fit this reader (null: it fits). */
function mismatch(data: PackedImages): string | null {
  if (data.height !== NOTMNIST_HEIGHT || data.width !== NOTMNIST_WIDTH) return `images are ${data.height}×${data.width}`;
  if (data.classes.join() !== NOTMNIST_CLASSES.join()) return `classes are ${data.classes.join(', ')}`;
  return null;
}

function toDataset(data: PackedImages, fromCache: boolean, cacheFile: string | null): NotMNISTDataset {
  return {
    images: pixelsToUnitFloats(data.pixels),
    labels: Int32Array.from(data.labels),
    classes: [...data.classes],
    n: data.n,
    height: data.height,
    width: data.width,
    files: data.files,
    skipped: data.skipped.map(({ file }) => file),
    fromCache,
    cacheFile,
  };
}
