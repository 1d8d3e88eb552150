import type { DType, TypedArray } from '../tensor/dtype.js';
import type { Shape } from '../tensor/shape.js';

/**
 * The narrow waist between ops and devices. Every op in ops/ is written in terms of these
 * primitives, so a backend implements only this interface and proves itself by passing the
 * conformance suite (test/conformance). Storages are opaque to everything above the backend.
 *
 * All storages are dense and row-major. Shapes passed in describe the storage's logical layout.
 */
export type Storage = unknown;

export type UnaryOp = 'neg' | 'exp' | 'log' | 'sqrt' | 'abs' | 'relu' | 'sigmoid' | 'tanh' | 'sign' | 'square' | 'reciprocal';

export type BinaryOp =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'maximum'
  | 'minimum'
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge';

/** The storages of one parameter's Adam step (adamUpdate). grad is only read. */
export interface AdamStorages {
  param: Storage;
  grad: Storage;
  expAvg: Storage;
  expAvgSq: Storage;
  /** Present with amsgrad. */
  maxExpAvgSq?: Storage;
}

/** The scalars of one Adam step, as optim/adam.ts computes them (JS numbers; the backend rounds them to dtype). */
export interface AdamScalars {
  beta1: number;
  beta2: number;
  weightDecay: number;
  eps: number;
  /** √(1 − β2ᵗ) */
  biasCorrection2Sqrt: number;
  /** η / (1 − β1ᵗ) */
  stepSize: number;
}

export type ReduceOp = 'sum' | 'max' | 'min' | 'argmax' | 'argmin';

export interface MatmulSpec {
  /** number of independent products; each operand steps by its batch stride (0 = shared). */
  batch: number;
  m: number;
  k: number;
  n: number;
  aBatchStride: number;
  bBatchStride: number;
  /** a is stored as [k, m] (read transposed) instead of [m, k]; likewise b as [n, k]. */
  transA: boolean;
  transB: boolean;
}

export interface Backend {
  readonly name: string;
  readonly supportedDTypes: readonly DType[];

  fromTypedArray(data: TypedArray): Storage;
  /** A copy of the storage's contents (the only way data leaves a device). */
  read(storage: Storage, dtype: DType, size: number): TypedArray;
  full(size: number, value: number, dtype: DType): Storage;
  cast(x: Storage, from: DType, to: DType, size: number): Storage;

  /**
   * `into`, when given, is a storage of the result's size and dtype (it may be x itself) that the
   * backend may write the result into and return, so that an optimizer step allocates nothing. A
   * backend is free to ignore it and return a new storage; callers use whatever is returned.
   */
  unary(op: UnaryOp, x: Storage, size: number, dtype: DType, into?: Storage): Storage;
  /** `into` as for unary (it may be a or b itself). */
  binary(op: BinaryOp, a: Storage, aShape: Shape, b: Storage, bShape: Shape, outShape: Shape, inDType: DType, outDType: DType, into?: Storage): Storage;
  /**
   * Optional, float dtypes only: a + alpha·b over `size` elements of equal shape, with alpha and
   * alpha·b rounded to dtype before the sum, so that it equals binary add of a and (binary mul of
   * b and alpha) to the bit, in one pass instead of two: an optimizer's w ← w − η·d. `into` as for
   * unary. Where a backend lacks it, ops use those two primitives.
   */
  scaledAdd?(a: Storage, b: Storage, alpha: number, size: number, dtype: DType, into?: Storage): Storage;
  /**
   * Optional, float dtypes only: one Adam step over `size` elements, written in place into
   * param, expAvg, expAvgSq (and maxExpAvgSq with amsgrad), equal to the bit to optim/adam.ts's
   * sequence of primitives (every intermediate and every scalar rounded to dtype, in that order)
   * in one pass instead of ten. Where a backend lacks it, Adam uses those primitives.
   */
  adamUpdate?(storages: AdamStorages, scalars: AdamScalars, size: number, dtype: DType): void;
  /** Reduces `axes` (sorted) of x; the result has x's shape with those axes set to 1. argmax/argmin give int32. */
  reduce(op: ReduceOp, x: Storage, shape: Shape, axes: readonly number[], dtype: DType): Storage;
  matmul(a: Storage, b: Storage, spec: MatmulSpec, dtype: DType): Storage;
  /**
   * Optional: matmul plus `bias` (n values) added to every row of every product, each sum
   * rounded before its bias is added, so the bits are matmul's followed by add's — Linear's
   * forward in one pass instead of two. Where a backend lacks it, linear adds the bias itself.
   */
  matmulAddBias?(a: Storage, b: Storage, bias: Storage, spec: MatmulSpec, dtype: DType): Storage;
  /** Gathers a view: out[i…] = x[offset + Σ i_d·strides_d] for i over outShape (strides may be 0). */
  strided(x: Storage, outShape: Shape, strides: readonly number[], offset: number, dtype: DType): Storage;
  /** Joins storages along `axis`; all shapes equal except on that axis. */
  concat(xs: readonly Storage[], shapes: readonly Shape[], axis: number, dtype: DType): Storage;
  /** out[... i_dim ...] = x[... index[...] ...] with out shaped like index (torch.gather). */
  gather(x: Storage, xShape: Shape, dim: number, index: Storage, indexShape: Shape, dtype: DType): Storage;
  /**
   * Optional: x with its `dim` axis replaced by the `count` slices a 1-D int32 index names, in
   * order, repeats allowed (torch.index_select) — what a DataLoader's batch is. Where a backend
   * lacks it, indexSelect gathers with the index expanded to the output's shape.
   */
  indexSelect?(x: Storage, xShape: Shape, dim: number, index: Storage, count: number, dtype: DType): Storage;
  /** A zero tensor of outShape with src added at the gathered positions (torch.scatter_add). */
  scatterAdd(outShape: Shape, dim: number, index: Storage, src: Storage, srcShape: Shape, dtype: DType): Storage;
}
