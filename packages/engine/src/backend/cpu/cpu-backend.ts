import type { AdamScalars, AdamStorages, Backend, BinaryOp, MatmulSpec, ReduceOp, Storage, UnaryOp } from '../backend.js';
import { allocate, type DType, type TypedArray } from '../../tensor/dtype.js';
import { numel, type Shape } from '../../tensor/shape.js';
import { unaryKernel } from './unary.js';
import { binaryKernel } from './binary.js';
import { cpuUpdates } from './updates-cpu.js';
import { reduceKernel } from './reduce.js';
import { cpuMatmul } from './matmul-cpu.js';
import { stridedKernel } from './strided.js';
import { concatKernel } from './concat.js';
import { gatherKernel, scatterAddKernel } from './gather.js';
import { indexSelectKernel } from './index-select.js';

/** The reference backend: TypeScript loops over typed arrays. A storage is the typed array itself. */
export const cpuBackend: Backend = {
  name: 'cpu',
  supportedDTypes: ['float32', 'float64', 'int32'],

  fromTypedArray: (data) => data,
  read: (storage, dtype, size) => {
    const src = storage as TypedArray;
    const copy = allocate(dtype, size);
    copy.set(src.subarray(0, size));
    return copy;
  },
  full: (size, value, dtype) => allocate(dtype, size).fill(value),
  cast: (x, _from, to, size) => {
    const out = allocate(to, size);
    const src = x as TypedArray;
    if (to === 'int32') {
      // truncation toward zero, as torch's .int()
      for (let i = 0; i < size; i++) out[i] = Math.trunc(src[i]);
    } else {
      out.set(src);
    }
    return out;
  },

  unary(op: UnaryOp, x: Storage, size: number, dtype: DType, into?: Storage) {
    const out = (into as TypedArray | undefined) ?? allocate(dtype, size);
    unaryKernel(op, x as TypedArray, out);
    return out;
  },
  binary(op: BinaryOp, a, aShape, b, bShape, outShape, _inDType, outDType, into?: Storage) {
    const out = (into as TypedArray | undefined) ?? allocate(outDType, numel(outShape));
    binaryKernel(op, a as TypedArray, aShape, b as TypedArray, bShape, outShape, out);
    return out;
  },
  scaledAdd(a, b, alpha, size, dtype, into?: Storage) {
    const out = (into as TypedArray | undefined) ?? allocate(dtype, size);
    cpuUpdates.scaledAdd(a as TypedArray, b as TypedArray, alpha, out);
    return out;
  },
  adamUpdate(t: AdamStorages, k: AdamScalars, _size: number, dtype: DType) {
    cpuUpdates.adam(t, k, dtype);
  },
  reduce(op: ReduceOp, x, shape, axes, dtype) {
    const outSize = numel(shape.map((d, i) => (axes.includes(i) ? 1 : d)));
    const out = allocate(op === 'argmax' || op === 'argmin' ? 'int32' : dtype, outSize);
    reduceKernel(op, x as TypedArray, shape, axes, out);
    return out;
  },
  matmul(a, b, spec: MatmulSpec, dtype) {
    const out = allocate(dtype, spec.batch * spec.m * spec.n);
    cpuMatmul(a as TypedArray, b as TypedArray, spec, dtype, out);
    return out;
  },
  matmulAddBias(a, b, bias, spec: MatmulSpec, dtype) {
    const out = allocate(dtype, spec.batch * spec.m * spec.n);
    cpuMatmul(a as TypedArray, b as TypedArray, spec, dtype, out, bias as TypedArray);
    return out;
  },
  strided(x, outShape: Shape, strides, offset, dtype) {
    const out = allocate(dtype, numel(outShape));
    stridedKernel(x as TypedArray, outShape, strides, offset, out);
    return out;
  },
  concat(xs, shapes, axis, dtype) {
    const size = shapes.reduce((acc, s) => acc + numel(s), 0);
    const out = allocate(dtype, size);
    concatKernel(xs as TypedArray[], shapes, axis, out);
    return out;
  },
  gather(x, xShape, dim, index, indexShape, dtype) {
    const out = allocate(dtype, numel(indexShape));
    gatherKernel(x as TypedArray, xShape, dim, index as TypedArray, indexShape, out);
    return out;
  },
  indexSelect(x, xShape, dim, index, count, dtype) {
    const out = allocate(dtype, xShape.reduce((n, d, i) => n * (i === dim ? count : d), 1));
    indexSelectKernel(x as TypedArray, xShape, dim, index as TypedArray, count, out);
    return out;
  },
  scatterAdd(outShape, dim, index, src, srcShape, dtype) {
    const out = allocate(dtype, numel(outShape));
    scatterAddKernel(outShape, dim, index as TypedArray, src as TypedArray, srcShape, out);
    return out;
  },
};
