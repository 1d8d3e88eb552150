import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface FileCheck {
  size: number;
  sha256: string;
}

/** Size and sha256 of a file, read as a stream. */
export async function checkFile(path: string): Promise<FileCheck> {
  const { size } = await stat(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size, sha256: hash.digest('hex') };
}

/** Why `got` is not the expected file, or null when it is. */
export function mismatch(got: FileCheck, expected: FileCheck): string | null {
  if (got.size !== expected.size) {
    return `${got.size.toLocaleString('en-US')} bytes, expected ${expected.size.toLocaleString('en-US')}`;
  }
  if (got.sha256 !== expected.sha256) return `sha256 ${got.sha256}, expected ${expected.sha256}`;
  return null;
}
