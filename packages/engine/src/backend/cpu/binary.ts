import type { BinaryOp } from '../backend.js';
import type { TypedArray } from '../../tensor/dtype.js';
import { broadcastStrides, shapesEqual, type Shape } from '../../tensor/shape.js';
import { forEachBroadcast } from './broadcast-iter.js';

type Fn = (a: number, b: number) => number;

const FUNCTIONS: Record<BinaryOp, Fn> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  maximum: (a, b) => (a >= b || Number.isNaN(a) ? a : b),
  minimum: (a, b) => (a <= b || Number.isNaN(a) ? a : b),
  eq: (a, b) => (a === b ? 1 : 0),
  ne: (a, b) => (a !== b ? 1 : 0),
  lt: (a, b) => (a < b ? 1 : 0),
  le: (a, b) => (a <= b ? 1 : 0),
  gt: (a, b) => (a > b ? 1 : 0),
  ge: (a, b) => (a >= b ? 1 : 0),
};

export function binaryKernel(op: BinaryOp, a: TypedArray, aShape: Shape, b: TypedArray, bShape: Shape, outShape: Shape, out: TypedArray): void {
  const n = out.length;
  // The common cases (same shape, tensor ⊕ scalar) get loops the JIT specialises per op.
  if (op === 'add' || op === 'sub' || op === 'mul' || op === 'div') {
    if (shapesEqual(aShape, outShape) && shapesEqual(bShape, outShape)) return sameShape(op, a, b, out);
    if (shapesEqual(aShape, outShape) && b.length === 1) return withScalar(op, a, b[0], out);
  }
  const f = FUNCTIONS[op];
  if (a.length === n && b.length === n && shapesEqual(aShape, bShape)) {
    for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
    return;
  }
  forEachBroadcast(outShape, broadcastStrides(aShape, outShape), broadcastStrides(bShape, outShape), (o, ai, bi, len, as, bs) => {
    for (let j = 0; j < len; j++, ai += as, bi += bs) out[o + j] = f(a[ai], b[bi]);
  });
}

function sameShape(op: 'add' | 'sub' | 'mul' | 'div', a: TypedArray, b: TypedArray, out: TypedArray): void {
  const n = out.length;
  switch (op) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
      return;
  }
}

function withScalar(op: 'add' | 'sub' | 'mul' | 'div', a: TypedArray, s: number, out: TypedArray): void {
  const n = out.length;
  switch (op) {
    case 'add':
      for (let i = 0; i < n; i++) out[i] = a[i] + s;
      return;
    case 'sub':
      for (let i = 0; i < n; i++) out[i] = a[i] - s;
      return;
    case 'mul':
      for (let i = 0; i < n; i++) out[i] = a[i] * s;
      return;
    case 'div':
      for (let i = 0; i < n; i++) out[i] = a[i] / s;
      return;
  }
}
