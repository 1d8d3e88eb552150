import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NOTMNIST_CLASSES, NOTMNIST_ROOT_FOLDER } from './constants.js';
import { mapBounded } from './map-bounded.js';
import { parseImagePath, type ImagePath } from './image-path.js';
import type { RawImageFile } from './types.js';

/** One PNG of an extracted folder, with what the cache key is made of. */
export interface FolderImage extends ImagePath {
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

export interface FolderListing {
  /** The folder that holds A/ … J/. */
  root: string;
  images: FolderImage[];
}

/**
 * Lists the PNGs of an extracted notMNIST_small: `folder` holds A/ … J/, or holds notMNIST_small/
 * which holds them. Missing class folders are allowed; no class folder at all is an error.
 */
export async function listFolderImages(folder: string): Promise<FolderListing> {
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`notMNIST folder not found: ${folder}`);
    throw error;
  });
  if (!info.isDirectory()) {
    throw new Error(`notMNIST folder ${folder} is not a folder (for the .tar.gz itself, pass it as archive).`);
  }
  const root = (await hasClassFolders(folder))
    ? folder
    : (await hasClassFolders(join(folder, NOTMNIST_ROOT_FOLDER)))
      ? join(folder, NOTMNIST_ROOT_FOLDER)
      : null;
  if (root === null) {
    throw new Error(
      `notMNIST folder ${folder} holds no class folders A/ … J/ (nor ${NOTMNIST_ROOT_FOLDER}/A … J). ` +
        `Point folder at the extracted ${NOTMNIST_ROOT_FOLDER}/ or at the folder that contains it.`,
    );
  }
  // Synchronous readdir/stat: ~19k promise-based stats cost ~1 s of CPU, the sync ones ~0.1 s.
  const images: FolderImage[] = [];
  for (const name of NOTMNIST_CLASSES) {
    const dir = join(root, name);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      throw error;
    }
    for (const entry of entries) {
      const image = parseImagePath(`${name}/${entry.name}`);
      if (image === null || !(entry.isFile() || entry.isSymbolicLink())) continue;
      const absolutePath = join(dir, entry.name);
      const info = statSync(absolutePath, { throwIfNoEntry: false });
      if (info === undefined || !info.isFile()) continue;
      images.push({ ...image, absolutePath, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return { root, images };
}

/** Reads the listed PNGs (a few at a time). */
export async function readFolderImages(images: readonly FolderImage[], concurrency = 32): Promise<RawImageFile[]> {
  return mapBounded(images, concurrency, async (image) => ({
    file: image.file,
    label: image.label,
    bytes: await readFile(image.absolutePath),
  }));
}

async function hasClassFolders(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isDirectory() && NOTMNIST_CLASSES.includes(entry.name));
}
