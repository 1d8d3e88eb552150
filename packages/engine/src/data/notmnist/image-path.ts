import { NOTMNIST_CLASSES } from './constants.js';

/** A dataset file named by its place in the class folders. */
export interface ImagePath {
  /** 'A/xxx.png': class folder and file name, whatever folders lie above them. */
  file: string;
  /** Index of the class folder in NOTMNIST_CLASSES. */
  label: number;
}

/**
 * Recognises a dataset image from a '/'-separated path (a tar entry path, or a path relative to the
 * extracted folder): a visible *.png directly inside a folder named A … J. Anything else (the folders
 * themselves, hidden files such as macOS '._x.png', __MACOSX copies, other files) gives null.
 */
export function parseImagePath(path: string): ImagePath | null {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length < 2 || parts.includes('__MACOSX')) return null;
  const name = parts[parts.length - 1];
  const folder = parts[parts.length - 2];
  if (name.startsWith('.') || !name.toLowerCase().endsWith('.png')) return null;
  const label = NOTMNIST_CLASSES.indexOf(folder);
  if (label < 0) return null;
  return { file: `${folder}/${name}`, label };
}

/**
 * The dataset order: by class, then by file name in UTF-16 code-unit order (not localeCompare, whose
 * result depends on the locale), so that the order never depends on the tar or the directory listing.
 */
export function compareImagePaths(a: ImagePath, b: ImagePath): number {
  if (a.label !== b.label) return a.label - b.label;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
