import { resolve } from 'node:path';
import { ARCHIVE_ENV, NOTMNIST_URL } from './constants.js';
import type { LoadNotMNISTOptions } from './types.js';

/** Where the images come from: the archive, or an extracted folder; and who named it. */
export interface NotMNISTSource {
  kind: 'archive' | 'folder';
  /** Absolute path. */
  path: string;
  /** 'option' when the caller passed it, 'env' when it came from $NOTMNIST_ARCHIVE. */
  from: 'option' | 'env';
}

/** The sentence every "where is the data?" error ends with. */
export const ARCHIVE_HINT =
  `Give --archive <path> (or the archive option) or set ${ARCHIVE_ENV} to the path of notMNIST_small.tar.gz, ` +
  `downloadable from ${NOTMNIST_URL}.`;

/** Picks the source from the options, else from $NOTMNIST_ARCHIVE; throws when there is none or two. */
export function chooseSource(options: LoadNotMNISTOptions, env: NodeJS.ProcessEnv = process.env): NotMNISTSource {
  const archive = nonEmpty(options.archive);
  const folder = nonEmpty(options.folder);
  if (archive !== undefined && folder !== undefined) {
    throw new Error(
      `loadNotMNIST: give either archive or folder, not both (got archive=${archive}, folder=${folder}).`,
    );
  }
  if (archive !== undefined) return { kind: 'archive', path: resolve(archive), from: 'option' };
  if (folder !== undefined) return { kind: 'folder', path: resolve(folder), from: 'option' };
  const fromEnv = nonEmpty(env[ARCHIVE_ENV]);
  if (fromEnv !== undefined) return { kind: 'archive', path: resolve(fromEnv), from: 'env' };
  throw new Error(`loadNotMNIST: no notMNIST data given (no archive, no folder, ${ARCHIVE_ENV} unset). ${ARCHIVE_HINT}`);
}

/** How an error names the source, e.g. "notMNIST archive /x/y.tar.gz (from $NOTMNIST_ARCHIVE)". */
export function describeSource(source: NotMNISTSource): string {
  const what = source.kind === 'archive' ? 'notMNIST archive' : 'notMNIST folder';
  return `${what} ${source.path}${source.from === 'env' ? ` (from $${ARCHIVE_ENV})` : ''}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
