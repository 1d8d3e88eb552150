import { basename } from 'node:path';
import { NOTMNIST_URL } from '@dlcourse/engine';

/** The course's notMNIST_small.tar.gz: where it is published and what it must be. */
export const NOTMNIST_ARCHIVE = {
  url: NOTMNIST_URL,
  /** The name it is kept under in the cache folder (the name in the URL). */
  fileName: basename(new URL(NOTMNIST_URL).pathname),
  sha256: '84e19604cea1bc2b33362efef0e09ddf35f590994244d69d8891c46760c587a3',
  size: 8_082_858,
} as const;

/** The environment variable that names the archive (the engine's loadNotMNIST reads it too). */
export const ARCHIVE_ENV = 'NOTMNIST_ARCHIVE';

/** 8082858 → '8,082,858'. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** 8082858 → '7.7 MiB'. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
