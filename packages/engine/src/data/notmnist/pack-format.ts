import { createHash } from 'node:crypto';
import type { PackedImages, SkippedFile } from './types.js';

/**
 * The packed cache, one binary file:
 *
 *   0   8 bytes   magic "DLCNMPK\0"
 *   8   uint32 LE format version (PACK_VERSION)
 *  12   uint32 LE byte length L of the JSON header
 *  16   L bytes   JSON header: key, n, height, width, classes, files, skipped, payloadSha256
 *       zero padding to a multiple of 8
 *       n bytes         labels (uint8)
 *       n·h·w bytes     pixels (uint8, image after image, row-major)
 *
 * Pixels are stored as uint8, not float32: the PNGs are 8-bit, so this is lossless, the file is a
 * quarter of the size (~15 MB instead of ~59 MB for notMNIST_small), and turning bytes into
 * pixel/255 floats on load (a table lookup, ~20 ms) is faster than reading four times as many bytes.
 * The payload's sha256 is in the header, so a damaged file is noticed, not trusted.
 */
export const PACK_MAGIC = 'DLCNMPK\0';
export const PACK_VERSION = 1;

interface PackHeader {
  key: string;
  n: number;
  height: number;
  width: number;
  classes: string[];
  files: string[];
  skipped: SkippedFile[];
  payloadSha256: string;
}

/** Thrown by decodePack with the reason the file cannot be used. */
export class InvalidPackError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidPackError';
  }
}

/** The file's bytes as a list of parts (written one after another; the big ones are not copied). */
export function encodePack(key: string, data: PackedImages): Uint8Array[] {
  if (data.classes.length > 256) throw new RangeError(`encodePack: at most 256 classes fit uint8 labels, got ${data.classes.length}.`);
  const header: PackHeader = {
    key,
    n: data.n,
    height: data.height,
    width: data.width,
    classes: data.classes,
    files: data.files,
    skipped: data.skipped,
    payloadSha256: createHash('sha256').update(data.labels).update(data.pixels).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerEnd = 16 + json.length;
  const prefix = Buffer.alloc(align8(headerEnd));
  prefix.write(PACK_MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(PACK_VERSION, 8);
  prefix.writeUInt32LE(json.length, 12);
  json.copy(prefix, 16);
  return [prefix, data.labels, data.pixels];
}

/** Reads and checks a pack; throws InvalidPackError saying what is wrong. `expectedKey` must match. */
export function decodePack(bytes: Uint8Array, expectedKey: string): PackedImages {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== PACK_MAGIC) throw new InvalidPackError('not a notMNIST pack (bad magic)');
  const version = buf.readUInt32LE(8);
  if (version !== PACK_VERSION) throw new InvalidPackError(`format version ${version}, expected ${PACK_VERSION}`);
  const jsonLength = buf.readUInt32LE(12);
  if (16 + jsonLength > buf.length) throw new InvalidPackError('header runs past the end of the file');
  let header: PackHeader;
  try {
    header = JSON.parse(buf.toString('utf8', 16, 16 + jsonLength)) as PackHeader;
  } catch {
    throw new InvalidPackError('header is not valid JSON');
  }
  checkHeader(header);
  if (header.key !== expectedKey) throw new InvalidPackError(`made from other data (key ${header.key.slice(0, 16)}…)`);
  const { n, height, width } = header;
  const labelsStart = align8(16 + jsonLength);
  const pixelsStart = labelsStart + n;
  const end = pixelsStart + n * height * width;
  if (buf.length !== end) throw new InvalidPackError(`${buf.length} bytes, expected ${end} (truncated or padded)`);
  // Plain Uint8Array views (not Buffers), whatever `bytes` is.
  const labels = new Uint8Array(bytes.buffer, bytes.byteOffset + labelsStart, n);
  const pixels = new Uint8Array(bytes.buffer, bytes.byteOffset + pixelsStart, end - pixelsStart);
  const sha = createHash('sha256').update(labels).update(pixels).digest('hex');
  if (sha !== header.payloadSha256) throw new InvalidPackError('payload checksum mismatch (damaged file)');
  for (let i = 0; i < n; i++) {
    if (labels[i] >= header.classes.length) throw new InvalidPackError(`label ${labels[i]} of image ${i} is not a class index`);
  }
  return { n, height, width, classes: header.classes, files: header.files, skipped: header.skipped, labels, pixels };
}

function checkHeader(h: PackHeader): void {
  const ok =
    typeof h === 'object' &&
    h !== null &&
    typeof h.key === 'string' &&
    [h.n, h.height, h.width].every((v) => Number.isInteger(v) && v >= 0) &&
    Array.isArray(h.classes) &&
    h.classes.every((c) => typeof c === 'string') &&
    Array.isArray(h.files) &&
    h.files.length === h.n &&
    h.files.every((f) => typeof f === 'string') &&
    Array.isArray(h.skipped) &&
    h.skipped.every((s) => typeof s?.file === 'string' && typeof s?.reason === 'string') &&
    typeof h.payloadSha256 === 'string';
  if (!ok) throw new InvalidPackError('header fields are missing or inconsistent');
}

function align8(x: number): number {
  return Math.ceil(x / 8) * 8;
}
