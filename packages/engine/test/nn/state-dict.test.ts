/**
 * stateDict / loadStateDict, and save()/load() as .safetensors: exact round trip, the file
 * layout (so PyTorch's safetensors can read it), and clear errors for corrupt files.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, writeFile, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tensor, ones, Tensor, nn, saveSafetensors, loadSafetensors } from '../../src/index.js';

const { Module, Linear, Sequential, ReLU } = nn;

const makeModel = (seed: number) => new Sequential(new Linear(4, 3, { generator: seed }), new ReLU(), new Linear(3, 2, { generator: seed + 1 }));

class WithBuffer extends Module {
  fc = new Linear(2, 2, { generator: 1 });
  constructor() {
    super();
    this.registerBuffer('runningMean', tensor([0.5, -0.5]));
  }
  forward(x: Tensor): Tensor {
    return this.fc.forward(x);
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'engine-state-dict-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The parsed layout of a .safetensors file. */
function parse(file: Buffer): { headerLength: number; header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>; raw: string } {
  const headerLength = Number(file.readBigUInt64LE(0));
  const raw = file.subarray(8, 8 + headerLength).toString('utf8');
  return { headerLength, header: JSON.parse(raw), raw };
}

describe('stateDict', () => {
  it('holds every parameter by its dotted name, detached, with the same values', () => {
    const m = makeModel(1);
    const sd = m.stateDict();
    expect(Object.keys(sd)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    const params = [...m.namedParameters()];
    for (const [name, p] of params) {
      expect(sd[name].toArray()).toEqual(p.toArray());
      expect(sd[name].shape).toEqual(p.shape);
      expect(sd[name].requiresGrad).toBe(false);
      expect(sd[name]).not.toBe(p);
    }
  });

  it('includes registered buffers', () => {
    const sd = new WithBuffer().stateDict();
    expect(Object.keys(sd)).toEqual(['fc.weight', 'fc.bias', 'runningMean']);
    expect(sd.runningMean.toArray()).toEqual([0.5, -0.5]);
  });
});

describe('loadStateDict', () => {
  it('copies values into the same Parameter objects; outputs then agree', () => {
    const a = makeModel(1);
    const b = makeModel(10);
    const params = b.parameters();
    const x = tensor([[1, -2, 3, 0.5]]);
    expect(b.forward(x).toArray()).not.toEqual(a.forward(x).toArray());
    expect(b.loadStateDict(a.stateDict())).toEqual({ missing: [], unexpected: [] });
    expect(b.forward(x).toArray()).toEqual(a.forward(x).toArray());
    b.parameters().forEach((p, i) => {
      expect(p).toBe(params[i]);
      expect(p.requiresGrad).toBe(true);
    });
  });

  it('the loaded model does not alias the source: training one leaves the other', () => {
    const a = makeModel(1);
    const b = makeModel(10);
    b.loadStateDict(a.stateDict());
    const before = a.parameters()[0].toArray();
    b.forward(ones([1, 4])).sum().backward();
    nn.init.zeros_(b.parameters()[0]);
    expect(a.parameters()[0].toArray()).toEqual(before);
  });

  it('converts dtype to the model: float64 values into a float32 model', () => {
    const m = new Linear(2, 1);
    m.loadStateDict({ weight: tensor([[0.1, 0.2]], { dtype: 'float64' }), bias: tensor([0.3], { dtype: 'float64' }) });
    expect(m.weight.dtype).toBe('float32');
    expect(m.weight.toArray()).toEqual([Math.fround(0.1), Math.fround(0.2)]);
  });

  it('strict (default): lists missing and unexpected names and changes nothing', () => {
    const m = makeModel(1);
    const before = m.parameters().map((p) => p.toArray());
    const sd = makeModel(5).stateDict();
    delete (sd as Record<string, Tensor>)['2.bias'];
    sd['3.weight'] = tensor([1]);
    expect(() => m.loadStateDict(sd)).toThrow(/does not match the model\. Missing: 2\.bias\. Unexpected: 3\.weight\..*Expected names: 0\.weight, 0\.bias, 2\.weight, 2\.bias.*strict: false/);
    expect(m.parameters().map((p) => p.toArray())).toEqual(before);
  });

  it('strict: false loads what matches and reports the rest', () => {
    const m = makeModel(1);
    const oldBias = m.parameters()[3].toArray();
    const src = makeModel(5);
    const sd = src.stateDict();
    delete (sd as Record<string, Tensor>)['2.bias'];
    sd.extra = tensor([1]);
    expect(m.loadStateDict(sd, { strict: false })).toEqual({ missing: ['2.bias'], unexpected: ['extra'] });
    expect(m.parameters()[0].toArray()).toEqual(src.parameters()[0].toArray());
    expect(m.parameters()[3].toArray()).toEqual(oldBias);
  });

  it('shape mismatch names the parameter and both shapes', () => {
    const m = new Linear(3, 2);
    expect(() => m.loadStateDict({ weight: tensor([[1, 2], [3, 4], [5, 6]]), bias: tensor([1, 2]) })).toThrow(
      /'weight' has shape \[3, 2\] in the state dict but \[2, 3\] in the model/,
    );
  });

  it('a value that is not a Tensor is refused by name', () => {
    const m = new Linear(1, 1);
    expect(() => m.loadStateDict({ weight: [[1]] as never, bias: tensor([0]) })).toThrow(/'weight' is not a Tensor/);
  });
});

describe('save / load (.safetensors)', () => {
  it('round-trips exactly (bit for bit, float32 and float64)', async () => {
    const a = makeModel(3);
    const path = join(dir, 'model.safetensors');
    await a.save(path);
    const b = makeModel(30);
    expect(await b.load(path)).toBe(b);
    b.parameters().forEach((p, i) => {
      expect(Buffer.from(p.toTypedArray().buffer)).toEqual(Buffer.from(a.parameters()[i].toTypedArray().buffer));
    });
    const d = new Linear(3, 2, { dtype: 'float64', generator: 1 });
    await d.save(join(dir, 'f64.safetensors'));
    const e = new Linear(3, 2, { dtype: 'float64', generator: 2 });
    await e.load(join(dir, 'f64.safetensors'));
    expect(e.weight.toArray()).toEqual(d.weight.toArray());
    expect((await loadSafetensors(join(dir, 'f64.safetensors'))).weight.dtype).toBe('float64');
  });

  it('file layout: 8-byte LE header length, JSON header {dtype F32, shape, data_offsets}, then the raw bytes', async () => {
    const m = new Sequential(new Linear(3, 2, { generator: 1 }));
    const path = join(dir, 'layout.safetensors');
    await m.save(path);
    const file = await readFile(path);
    const { headerLength, header, raw } = parse(file);
    expect(headerLength % 8).toBe(0);
    expect(raw.trimEnd().startsWith('{')).toBe(true);
    expect(raw.slice(raw.trimEnd().length)).toMatch(/^ *$/); // padded with spaces only
    expect(header).toEqual({
      '0.weight': { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] },
      '0.bias': { dtype: 'F32', shape: [2], data_offsets: [24, 32] },
    });
    expect(file.length).toBe(8 + headerLength + 32);
    const data = file.subarray(8 + headerLength);
    const weight = m.stateDict()['0.weight'].toArray();
    weight.forEach((w, i) => expect(data.readFloatLE(i * 4)).toBe(w));
    expect(data.readFloatLE(24)).toBe(m.stateDict()['0.bias'].toArray()[0]);
    // no temporary file is left behind
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('saveSafetensors / loadSafetensors: F64 and I32, and padding by bytes for non-ASCII names (regression)', async () => {
    const path = join(dir, 'mixed.safetensors');
    await saveSafetensors(path, {
      'poids_é': tensor([[1.5, -2]], { dtype: 'float64' }),
      labels: tensor([3, -4, 5], { dtype: 'int32' }),
    });
    const file = await readFile(path);
    const { headerLength, header } = parse(file);
    expect(headerLength % 8).toBe(0);
    expect(header['poids_é']).toEqual({ dtype: 'F64', shape: [1, 2], data_offsets: [0, 16] });
    expect(header.labels).toEqual({ dtype: 'I32', shape: [3], data_offsets: [16, 28] });
    const back = await loadSafetensors(path);
    expect(back['poids_é'].dtype).toBe('float64');
    expect(back['poids_é'].tolist()).toEqual([[1.5, -2]]);
    expect(back.labels.dtype).toBe('int32');
    expect(back.labels.toArray()).toEqual([3, -4, 5]);
  });

  it('load() into a model with other names: the strict error', async () => {
    const path = join(dir, 'other.safetensors');
    await new Linear(4, 3).save(path);
    await expect(makeModel(1).load(path)).rejects.toThrow(/Missing: 0\.weight.*Unexpected: weight, bias/);
  });

  it('corrupt or missing files give a clear error naming the file', async () => {
    const good = await readFile(join(dir, 'model.safetensors'));
    const cases: [string, Buffer, RegExp][] = [
      ['garbage.safetensors', Buffer.from('this is not a safetensors file at all'), /not a valid \.safetensors file \(header length beyond the end of the file\)/],
      ['short.safetensors', Buffer.from([1, 2, 3]), /not a valid \.safetensors file \(too short\)/],
      ['truncated.safetensors', good.subarray(0, good.length - 5), /not a valid \.safetensors file \(data of '2\.bias' is truncated\)/],
      ['badjson.safetensors', Buffer.concat([Buffer.from([8, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"a": [1')]), /not a valid \.safetensors file \(unreadable header\)/],
      ['null.safetensors', Buffer.concat([Buffer.from([8, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('null    ')]), /not a valid \.safetensors file \(the header is not a JSON object\)/],
      ['noentry.safetensors', Buffer.concat([Buffer.from([8, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"w":{}}')]), /not a valid \.safetensors file \(the entry 'w' needs dtype, shape and data_offsets\)/],
    ];
    for (const [name, bytes, pattern] of cases) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      await expect(makeModel(1).load(path), name).rejects.toThrow(pattern);
      await expect(makeModel(1).load(path), name).rejects.toThrow(name);
    }
    await expect(makeModel(1).load(join(dir, 'nope.safetensors'))).rejects.toThrow(/cannot read '.*nope\.safetensors'/);
  });

  it('an unsupported dtype is named', async () => {
    const path = join(dir, 'f16.safetensors');
    const json = Buffer.from('{"w":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}    ');
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(json.length));
    await writeFile(path, Buffer.concat([len, json, Buffer.alloc(2)]));
    await expect(loadSafetensors(path)).rejects.toThrow(/'w' has dtype F16; only F32, F64 and I32 are supported/);
  });
});
