import { createHash } from 'node:crypto';
import type { FolderImage } from './read-folder.js';
import { compareImagePaths } from './image-path.js';

/** Cache key of an archive: the sha256 of its bytes (hex). */
export function archiveKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Cache key of an extracted folder: sha256 of the sorted (relative path, size, mtime) list (hex). */
export function folderKey(images: readonly FolderImage[]): string {
  const hash = createHash('sha256');
  for (const image of [...images].sort(compareImagePaths)) {
    hash.update(`${image.file}\0${image.size}\0${Math.round(image.mtimeMs)}\n`);
  }
  return hash.digest('hex');
}
