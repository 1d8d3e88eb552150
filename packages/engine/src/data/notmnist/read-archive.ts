import { Parser, type ReadEntry } from 'tar';
import { NOTMNIST_URL } from './constants.js';
import { parseImagePath, type ImagePath } from './image-path.js';
import type { RawImageFile } from './types.js';

/** Thrown when the archive cannot be read to its end: not gzip, not tar, cut short, bad checksum. */
export class CorruptArchiveError extends Error {
  constructor(readonly archivePath: string, detail: string) {
    super(
      `notMNIST archive ${archivePath} is corrupt or truncated (${detail}). ` +
        `Delete it and download it again from ${NOTMNIST_URL}.`,
    );
    this.name = 'CorruptArchiveError';
  }
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

interface Collected extends ImagePath {
  entryPath: string;
  size: number;
  chunks: Buffer[];
  received: number;
  ended: boolean;
}

/**
 * Reads the dataset PNGs out of a .tar.gz held in memory (nothing is written to disk), with tar's
 * streaming Parser in strict mode, so that every damage it notices (gzip errors, a cut-off stream,
 * bad header checksums, an unrecognised format) becomes an error rather than a warning.
 * Returns the A … J PNG files in tar order; other entries are drained and ignored. (A plain,
 * already gunzipped .tar is read too.)
 */
export async function readArchiveImages(bytes: Uint8Array, archivePath: string): Promise<RawImageFile[]> {
  if (bytes.length === 0) throw new CorruptArchiveError(archivePath, 'the file is empty (0 bytes)');
  const collected: Collected[] = [];
  const byFile = new Map<string, Collected>();
  let duplicate = null as [string, string] | null; // set inside the entry callback

  const onReadEntry = (entry: ReadEntry): void => {
    const image = FILE_TYPES.has(entry.type) ? parseImagePath(entry.path) : null;
    if (image === null) {
      entry.resume();
      return;
    }
    const item: Collected = { ...image, entryPath: entry.path, size: entry.size, chunks: [], received: 0, ended: false };
    const earlier = byFile.get(image.file);
    if (earlier !== undefined && duplicate === null) duplicate = [earlier.entryPath, entry.path];
    byFile.set(image.file, item);
    collected.push(item);
    entry.on('data', (chunk: Buffer) => {
      item.chunks.push(chunk);
      item.received += chunk.length;
    });
    entry.on('end', () => {
      item.ended = true;
    });
  };

  // tar writes two zero blocks at the end of an archive, and the Parser says 'eof' when it reads
  // them. Without them the tar was cut short before it was compressed (a cut in the .tar.gz
  // itself is caught by gzip), which the Parser otherwise accepts silently.
  let sawEndMarker = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const parser = new Parser({ strict: true, file: archivePath, onReadEntry });
      parser.on('error', reject);
      parser.on('eof', () => {
        sawEndMarker = true;
      });
      parser.on('end', () => resolve());
      parser.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  } catch (error) {
    const gzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    const detail = describeTarError(error);
    throw new CorruptArchiveError(archivePath, gzip ? detail : `not gzip-compressed, nor a plain tar: ${detail}`);
  }

  if (!sawEndMarker) throw new CorruptArchiveError(archivePath, 'the tar ends without its end-of-archive blocks');
  for (const item of collected) {
    if (!item.ended || item.received !== item.size) {
      throw new CorruptArchiveError(
        archivePath,
        `entry ${item.entryPath} has ${item.received} of its ${item.size} bytes`,
      );
    }
  }
  if (duplicate !== null) {
    const [first, second] = duplicate;
    throw new Error(
      `notMNIST archive ${archivePath} holds two files for the same image: ${first} and ${second}. ` +
        `Use an archive with a single notMNIST_small/ folder.`,
    );
  }
  // Entries are small: copy each body out of tar's (much larger) decompressed chunks.
  return collected.map((item) => ({ file: item.file, label: item.label, bytes: Buffer.concat(item.chunks, item.size) }));
}

function describeTarError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (code === 'Z_BUF_ERROR') return 'the gzip stream ends early';
  if (code === 'Z_DATA_ERROR') return `bad gzip data: ${error.message}`;
  const message = error.message.replace(/^TAR_[A-Z_]+: /, '');
  if (/Unrecognized archive format/.test(message)) return 'unrecognized archive format';
  return message;
}
