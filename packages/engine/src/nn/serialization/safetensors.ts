import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { allocate, type DType } from '../../tensor/dtype.js';
import { numel } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { tensor } from '../../ops/creation.js';

/**
 * The safetensors format (huggingface/safetensors): an 8-byte little-endian header length, a
 * JSON header {name: {dtype, shape, data_offsets: [begin, end]}}, then the raw little-endian
 * bytes. Chosen over a format of our own so a state dict saved here loads in PyTorch with
 * safetensors.torch.load_file and vice versa.
 */
const TO_SAFETENSORS: Record<DType, string> = { float32: 'F32', float64: 'F64', int32: 'I32' };
const FROM_SAFETENSORS: Record<string, DType> = { F32: 'float32', F64: 'float64', I32: 'int32' };

export async function saveSafetensors(path: string, tensors: Record<string, Tensor>): Promise<void> {
  const header: Record<string, unknown> = {};
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const values = t.toTypedArray();
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    header[name] = { dtype: TO_SAFETENSORS[t.dtype], shape: [...t.shape], data_offsets: [offset, offset + bytes.length] };
    chunks.push(bytes);
    offset += bytes.length;
  }
  const json = JSON.stringify(header);
  // The format pads the header to 8 bytes with spaces. Fix (tests: test/nn/state-dict.test.ts):
  // the padding used to be computed from json.length (UTF-16 units), which misaligns the data
  // when a name has a non-ASCII character; it is now computed from the encoded bytes.
  const jsonBytes = new TextEncoder().encode(json);
  const headerBytes = new TextEncoder().encode(json + ' '.repeat((8 - (jsonBytes.length % 8)) % 8));
  const lengthBytes = new Uint8Array(8);
  new DataView(lengthBytes.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, Buffer.concat([lengthBytes, headerBytes, ...chunks]));
  await rename(temp, path); // never leave a half-written checkpoint under the real name
}

export async function loadSafetensors(path: string): Promise<Record<string, Tensor>> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    throw new Error(`loadSafetensors: cannot read '${path}': ${(error as Error).message}`);
  }
  const bad = (why: string) => new Error(`loadSafetensors: '${path}' is not a valid .safetensors file (${why}). Save it again with module.save(path).`);
  if (file.length < 8) throw bad('too short');
  const headerLength = Number(file.readBigUInt64LE(0));
  if (headerLength > file.length - 8) throw bad('header length beyond the end of the file');
  let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  try {
    header = JSON.parse(file.subarray(8, 8 + headerLength).toString('utf8'));
  } catch {
    throw bad('unreadable header');
  }
  // Fix (tests: test/nn/state-dict.test.ts): a header that is valid JSON but not an object
  // of entries (e.g. `null`, or an entry without data_offsets) used to fail with a bare
  // "Cannot convert undefined or null to object" / "… is not iterable"; it is now reported as
  // an invalid file.
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw bad('the header is not a JSON object');
  const dataStart = 8 + headerLength;
  const out: Record<string, Tensor> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
    if (
      entry === null ||
      typeof entry !== 'object' ||
      typeof entry.dtype !== 'string' ||
      !Array.isArray(entry.shape) ||
      !entry.shape.every(isCount) ||
      !Array.isArray(entry.data_offsets) ||
      entry.data_offsets.length !== 2 ||
      !entry.data_offsets.every(isCount)
    ) {
      throw bad(`the entry '${name}' needs dtype, shape and data_offsets`);
    }
    const dtype = FROM_SAFETENSORS[entry.dtype];
    if (!dtype) throw new Error(`loadSafetensors: '${name}' has dtype ${entry.dtype}; only F32, F64 and I32 are supported.`);
    const [begin, end] = entry.data_offsets;
    const values = allocate(dtype, numel(entry.shape));
    if (end - begin !== values.byteLength || dataStart + end > file.length) throw bad(`data of '${name}' is truncated`);
    new Uint8Array(values.buffer).set(file.subarray(dataStart + begin, dataStart + end));
    out[name] = tensor(values, { shape: entry.shape });
  }
  return out;
}
