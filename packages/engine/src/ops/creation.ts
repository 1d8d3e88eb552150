import { getBackend } from '../backend/registry.js';
import { makeTensor } from '../autograd/record.js';
import { allocate, dtypeOfTypedArray, isDType, type DType, type TypedArray } from '../tensor/dtype.js';
import { checkShape, formatShape, numel } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { resolveGenerator, type Generator } from '../random/generator.js';

/** Every tensor starts on the CPU unless told otherwise, as in PyTorch. */
const DEFAULT_DEVICE = 'cpu';

export interface TensorOptions {
  /** float32 unless given (or taken from a typed array). */
  dtype?: DType;
  device?: string;
  requiresGrad?: boolean;
}

export interface RandomOptions extends TensorOptions {
  /** A Generator or an integer seed; the global generator (manualSeed) when omitted. */
  generator?: Generator | number;
}

export type NestedArray = number | readonly NestedArray[];
export type ShapeArg = number | readonly number[];

/**
 * Makes a tensor from data, like torch.tensor. Plain JS numbers do not say whether they are
 * integers or floats (1.0 === 1), so the dtype is float32 unless `dtype` says otherwise or the
 * data is a typed array (Int32Array → int32, Float64Array → float64). The data is copied.
 */
export function tensor(data: NestedArray | TypedArray, options: TensorOptions & { shape?: readonly number[] } = {}): Tensor {
  if (options.dtype !== undefined && !isDType(options.dtype)) {
    throw new TypeError(`tensor: unknown dtype '${String(options.dtype)}'. Use 'float32', 'float64' or 'int32'.`);
  }
  let flat: ArrayLike<number>;
  let shape: number[];
  let dtype: DType;
  if (ArrayBuffer.isView(data)) {
    flat = data;
    dtype = options.dtype ?? dtypeOfTypedArray(data);
    shape = options.shape ? checkShape(options.shape, 'tensor') : [data.length];
    if (numel(shape) !== data.length) {
      throw new RangeError(`tensor: shape ${formatShape(shape)} holds ${numel(shape)} values but the typed array has ${data.length}.`);
    }
  } else {
    shape = inferShape(data);
    flat = flatten(data, shape);
    dtype = options.dtype ?? 'float32';
    if (options.shape) {
      const wanted = checkShape(options.shape, 'tensor');
      if (numel(wanted) !== flat.length) {
        throw new RangeError(`tensor: shape ${formatShape(wanted)} holds ${numel(wanted)} values but the data has ${flat.length}.`);
      }
      shape = wanted;
    }
  }
  const values = allocate(dtype, flat.length);
  values.set(flat as ArrayLike<number>);
  if (dtype === 'int32' && !ArrayBuffer.isView(data)) {
    for (let i = 0; i < flat.length; i++) {
      if (!Number.isInteger(flat[i])) throw new TypeError(`tensor: value ${flat[i]} at flat index ${i} is not an integer but dtype is int32.`);
    }
  }
  return place(values, shape, dtype, options);
}

function inferShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  if (!Array.isArray(level) && typeof level !== 'number') {
    throw new TypeError(`tensor: expected numbers or nested arrays of numbers, found ${typeof level}.`);
  }
  return shape;
}

function flatten(data: NestedArray, shape: readonly number[]): number[] {
  const out: number[] = [];
  const walk = (node: NestedArray, dim: number, path: number[]): void => {
    if (dim === shape.length) {
      if (typeof node !== 'number') {
        throw new TypeError(`tensor: expected a number at index [${path.join(', ')}], found ${Array.isArray(node) ? 'an array' : typeof node}.`);
      }
      out.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[dim]) {
      throw new RangeError(
        `tensor: ragged nested array: the entry at index [${path.join(', ')}] has ` +
          `${Array.isArray(node) ? node.length : 'no'} elements but ${shape[dim]} were expected from the first entry at that depth.`,
      );
    }
    node.forEach((child: NestedArray, i: number) => walk(child, dim + 1, [...path, i]));
  };
  walk(data, 0, []);
  return out;
}

function place(values: TypedArray, shape: readonly number[], dtype: DType, options: TensorOptions): Tensor {
  const device = options.device ?? DEFAULT_DEVICE;
  const backend = getBackend(device);
  if (!backend.supportedDTypes.includes(dtype)) {
    throw new TypeError(`Device '${device}' does not support dtype ${dtype} (it supports ${backend.supportedDTypes.join(', ')}).`);
  }
  const t = makeTensor(backend.fromTypedArray(values), shape, dtype, device);
  if (options.requiresGrad) t.requiresGrad = true;
  return t;
}

export function shapeFromArgs(shape: ShapeArg, op: string): number[] {
  return checkShape(typeof shape === 'number' ? [shape] : shape, op);
}

export function full(shape: ShapeArg, value: number, options: TensorOptions = {}): Tensor {
  const s = shapeFromArgs(shape, 'full');
  const dtype = options.dtype ?? 'float32';
  return place(allocate(dtype, numel(s)).fill(value), s, dtype, options);
}

export function zeros(shape: ShapeArg, options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: ShapeArg, options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 0, { dtype: t.dtype, device: t.device, ...options });
}

export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return full(t.shape, 1, { dtype: t.dtype, device: t.device, ...options });
}

export function fullLike(t: Tensor, value: number, options: TensorOptions = {}): Tensor {
  return full(t.shape, value, { dtype: t.dtype, device: t.device, ...options });
}

/** arange(end) or arange(start, end, step): values start, start+step, … below end. */
export function arange(startOrEnd: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  const start = end === undefined ? 0 : startOrEnd;
  const stop = end === undefined ? startOrEnd : end;
  if (step === 0 || !Number.isFinite(step)) throw new RangeError('arange: step must be a finite non-zero number.');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const allInts = [start, stop, step].every(Number.isInteger);
  const dtype = options.dtype ?? (allInts ? 'int32' : 'float32');
  const values = allocate(dtype, n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return place(values, [n], dtype, options);
}

export function linspace(start: number, end: number, steps: number, options: TensorOptions = {}): Tensor {
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError('linspace: steps must be a non-negative integer.');
  const dtype = options.dtype ?? 'float32';
  const values = allocate(dtype, steps);
  for (let i = 0; i < steps; i++) values[i] = steps === 1 ? start : start + ((end - start) * i) / (steps - 1);
  return place(values, [steps], dtype, options);
}

export function eye(n: number, options: TensorOptions = {}): Tensor {
  const dtype = options.dtype ?? 'float32';
  const values = allocate(dtype, n * n);
  for (let i = 0; i < n; i++) values[i * n + i] = 1;
  return place(values, [n, n], dtype, options);
}

/** Uniform samples in [0, 1). */
export function rand(shape: ShapeArg, options: RandomOptions = {}): Tensor {
  const s = shapeFromArgs(shape, 'rand');
  const g = resolveGenerator(options.generator);
  const dtype = options.dtype ?? 'float32';
  const values = allocate(dtype, numel(s));
  for (let i = 0; i < values.length; i++) values[i] = g.random();
  return place(values, s, dtype, options);
}

/** Standard normal samples. */
export function randn(shape: ShapeArg, options: RandomOptions = {}): Tensor {
  const s = shapeFromArgs(shape, 'randn');
  const g = resolveGenerator(options.generator);
  const dtype = options.dtype ?? 'float32';
  const values = allocate(dtype, numel(s));
  for (let i = 0; i < values.length; i++) values[i] = g.normal();
  return place(values, s, dtype, options);
}

/** Uniform samples in [low, high) (floats), as torch.empty(...).uniform_(low, high). */
export function uniform(shape: ShapeArg, low: number, high: number, options: RandomOptions = {}): Tensor {
  const s = shapeFromArgs(shape, 'uniform');
  const g = resolveGenerator(options.generator);
  const dtype = options.dtype ?? 'float32';
  const values = allocate(dtype, numel(s));
  for (let i = 0; i < values.length; i++) values[i] = low + (high - low) * g.random();
  return place(values, s, dtype, options);
}

/** Integers in [low, high), int32. */
export function randint(low: number, high: number, shape: ShapeArg, options: RandomOptions = {}): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new RangeError(`randint: need integers low < high, got ${low} and ${high}.`);
  }
  const s = shapeFromArgs(shape, 'randint');
  const g = resolveGenerator(options.generator);
  const dtype = options.dtype ?? 'int32';
  const values = allocate(dtype, numel(s));
  for (let i = 0; i < values.length; i++) values[i] = g.randint(low, high - 1);
  return place(values, s, dtype, options);
}
