import type { Backend, Storage } from '../backend/backend.js';
import { getBackend } from '../backend/registry.js';
import type { Node } from '../autograd/node.js';
import { runBackward, type BackwardOptions } from '../autograd/backward.js';
import { markStorageShared } from '../autograd/storage-writes.js';
import { isFloatDType, isDType, type DType, type TypedArray } from './dtype.js';
import { formatShape, numel, type Shape } from './shape.js';
import { formatTensor } from './format.js';
import * as ops from '../ops/index.js';

export type TensorLike = Tensor | number;
export type DimArg = number | readonly number[];

/**
 * An n-dimensional array on a device, with autograd. The storage is dense, row-major and
 * owned by the device's backend; shape, dtype and the graph node live here.
 */
export class Tensor {
  /** Bumped by every in-place op, so autograd can detect a saved tensor that changed. */
  version = 0;
  grad: Tensor | null = null;
  gradFn: Node | null = null;
  retainsGrad = false;
  private requiresGradFlag = false;

  constructor(
    public storage: Storage,
    readonly shape: readonly number[],
    /** Read-only for users; changed only by replaceData (module.to(...)). */
    public dtype: DType,
    public device: string,
  ) {}

  /**
   * Takes another tensor's values, dtype and device while keeping this object (and so every
   * reference to it, e.g. an optimizer's). Used by module.to(...) like torch's param.data = ….
   */
  replaceData(source: Tensor): this {
    if (source.numel() !== this.numel()) throw new RangeError(`replaceData: ${source.numel()} values cannot replace ${this.numel()}.`);
    this.storage = source.storage;
    this.dtype = source.dtype;
    this.device = source.device;
    this.version++;
    return this;
  }

  get backend(): Backend {
    return getBackend(this.device);
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements (torch's numel()). */
  numel(): number {
    return numel(this.shape);
  }

  size(dim?: number): number | number[] {
    if (dim === undefined) return [...this.shape];
    return this.shape[ops.wrapDim(dim, this.ndim, 'size')];
  }

  get requiresGrad(): boolean {
    return this.requiresGradFlag;
  }

  set requiresGrad(value: boolean) {
    if (value && !isFloatDType(this.dtype)) {
      throw new TypeError(`requiresGrad: only float tensors can require gradients, this one is ${this.dtype}. Convert with .float() first.`);
    }
    if (!value && this.gradFn !== null) {
      throw new Error('requiresGrad: cannot turn off gradients of a non-leaf tensor; use .detach() to get a tensor outside the graph.');
    }
    this.requiresGradFlag = value;
  }

  /** True for tensors the user created (not produced by a recorded op). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  requiresGrad_(value = true): this {
    this.requiresGrad = value;
    return this;
  }

  /** Keep .grad on this non-leaf tensor after backward() (torch's retain_grad). */
  retainGrad(): this {
    if (!this.requiresGrad) throw new Error('retainGrad: this tensor does not require gradients.');
    this.retainsGrad = true;
    return this;
  }

  // ---- reading values -------------------------------------------------------------------

  /** A copy of the values as a typed array (reads back from the device). */
  toTypedArray(): TypedArray {
    return this.backend.read(this.storage, this.dtype, this.numel());
  }

  /** The values, flat and row-major. */
  toArray(): number[] {
    return Array.from(this.toTypedArray());
  }

  /** The values as nested arrays shaped like the tensor (torch's tolist()). */
  tolist(): unknown {
    const flat = this.toTypedArray();
    const build = (dim: number, offset: number): unknown => {
      if (dim === this.ndim) return flat[offset];
      const stride = numel(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
    };
    return build(0, 0);
  }

  /** The single value of a one-element tensor, as a number. */
  item(): number {
    if (this.numel() !== 1) {
      throw new RangeError(
        `item: only a tensor with exactly one element can be converted to a number; this one has shape ${formatShape(this.shape)} ` +
          `(${this.numel()} elements). Reduce it first (e.g. .sum() or .mean()) or index it.`,
      );
    }
    return this.toTypedArray()[0];
  }

  // ---- autograd -------------------------------------------------------------------------

  backward(gradient?: Tensor | BackwardOptions, options: BackwardOptions = {}): void {
    // Fix (tests: test/autograd/autograd.test.ts): `loss.backward({ retainGraph: true })`, the
    // spelling torch's `loss.backward(retain_graph=True)` suggests, used to crash with "Cannot read
    // properties of undefined (reading 'length')". Options alone are now accepted as the first
    // argument, and anything else that is not a Tensor is a clear TypeError.
    if (gradient !== undefined && !(gradient instanceof Tensor)) {
      if (gradient === null || typeof gradient !== 'object' || Array.isArray(gradient) || ArrayBuffer.isView(gradient)) {
        throw new TypeError(
          `backward: the gradient must be a Tensor shaped like this tensor ${formatShape(this.shape)} (wrap values with tensor(...)), ` +
            `or pass options only: backward({ retainGraph: true }).`,
        );
      }
      options = gradient;
      gradient = undefined;
    }
    if (!this.requiresGrad) {
      throw new Error(
        'backward: this tensor does not require grad and has no grad_fn. Did you create the parameters with ' +
          '{ requiresGrad: true }, or compute it inside noGrad() or after model.eval()?',
      );
    }
    if (gradient === undefined) {
      if (this.numel() !== 1) {
        throw new Error(
          `backward: grad can be implicitly created only for a scalar output; this tensor has shape ${formatShape(this.shape)}. ` +
            `Reduce it to a scalar (e.g. loss = out.mean()) or pass the gradient: out.backward(gradient).`,
        );
      }
      gradient = ops.onesLike(this);
    } else if (gradient.shape.length !== this.shape.length || gradient.shape.some((d, i) => d !== this.shape[i])) {
      throw new Error(`backward: the gradient has shape ${formatShape(gradient.shape)} but the tensor has shape ${formatShape(this.shape)}; they must match.`);
    } else {
      // Fix (tests: test/autograd/autograd.test.ts): a gradient of another dtype (say float64 for a
      // float32 loss) used to flow through unchanged and leave float64 .grad on float32 leaves.
      // torch casts it to the output's dtype (validate_outputs); so do we (and move it over).
      gradient = ops.cast(ops.toDevice(gradient.detach(), this.device), this.dtype);
    }
    runBackward(this, gradient, options);
  }

  /**
   * The same values, outside the graph. It shares the storage, but in-place ops swap in a new
   * storage rather than writing into it, so a change to either tensor does NOT show through to
   * the other (unlike torch). (Doc fix: this comment used to claim that changes show through.)
   */
  detach(): Tensor {
    // Optimizers write parameters in place; this keeps them off a storage a detached tensor holds.
    markStorageShared(this.storage);
    return new Tensor(this.storage, this.shape, this.dtype, this.device);
  }

  clone(): Tensor {
    return ops.clone(this);
  }

  // ---- device and dtype -----------------------------------------------------------------

  /** A tensor on another device or with another dtype: t.to('webgpu'), t.to('float64'). */
  to(target: string): Tensor {
    return isDType(target) ? ops.cast(this, target) : ops.toDevice(this, target);
  }

  cpu(): Tensor {
    return ops.toDevice(this, 'cpu');
  }

  float(): Tensor {
    return ops.cast(this, 'float32');
  }

  double(): Tensor {
    return ops.cast(this, 'float64');
  }

  int(): Tensor {
    return ops.cast(this, 'int32');
  }

  // ---- elementwise ----------------------------------------------------------------------

  add(other: TensorLike, alpha?: number): Tensor {
    return ops.add(this, scaled(other, alpha));
  }
  sub(other: TensorLike, alpha?: number): Tensor {
    return ops.sub(this, scaled(other, alpha));
  }
  mul(other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  pow(exponent: TensorLike): Tensor {
    return ops.pow(this, exponent);
  }
  maximum(other: TensorLike): Tensor {
    return ops.maximum(this, other);
  }
  minimum(other: TensorLike): Tensor {
    return ops.minimum(this, other);
  }
  neg(): Tensor {
    return ops.neg(this);
  }
  exp(): Tensor {
    return ops.exp(this);
  }
  log(): Tensor {
    return ops.log(this);
  }
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  abs(): Tensor {
    return ops.abs(this);
  }
  square(): Tensor {
    return ops.square(this);
  }
  relu(): Tensor {
    return ops.relu(this);
  }
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  tanh(): Tensor {
    return ops.tanh(this);
  }
  clamp(min?: number, max?: number): Tensor {
    return ops.clamp(this, min, max);
  }
  eq(other: TensorLike): Tensor {
    return ops.eq(this, other);
  }
  ne(other: TensorLike): Tensor {
    return ops.ne(this, other);
  }
  lt(other: TensorLike): Tensor {
    return ops.lt(this, other);
  }
  le(other: TensorLike): Tensor {
    return ops.le(this, other);
  }
  gt(other: TensorLike): Tensor {
    return ops.gt(this, other);
  }
  ge(other: TensorLike): Tensor {
    return ops.ge(this, other);
  }

  // ---- reductions -----------------------------------------------------------------------

  sum(dim?: DimArg, keepdim = false): Tensor {
    return ops.sum(this, dim, keepdim);
  }
  mean(dim?: DimArg, keepdim = false): Tensor {
    return ops.mean(this, dim, keepdim);
  }
  max(dim?: number, keepdim = false): Tensor {
    return ops.max(this, dim, keepdim);
  }
  min(dim?: number, keepdim = false): Tensor {
    return ops.min(this, dim, keepdim);
  }
  argmax(dim?: number, keepdim = false): Tensor {
    return ops.argmax(this, dim, keepdim);
  }
  argmin(dim?: number, keepdim = false): Tensor {
    return ops.argmin(this, dim, keepdim);
  }
  logsumexp(dim: DimArg, keepdim = false): Tensor {
    return ops.logsumexp(this, dim, keepdim);
  }
  softmax(dim: number): Tensor {
    return ops.softmax(this, dim);
  }
  logSoftmax(dim: number): Tensor {
    return ops.logSoftmax(this, dim);
  }

  // ---- linear algebra and shape ---------------------------------------------------------

  matmul(other: Tensor): Tensor {
    return ops.matmul(this, other);
  }
  /** The transpose of a 2-D tensor (torch's .T / .t()). */
  t(): Tensor {
    if (this.ndim > 2) throw new RangeError(`t: expects a tensor with at most 2 dims, got shape ${formatShape(this.shape)}; use transpose(dim0, dim1).`);
    return this.ndim < 2 ? this : ops.transpose(this, 0, 1);
  }
  get T(): Tensor {
    return this.t();
  }
  reshape(...shape: (number | readonly number[])[]): Tensor {
    return ops.reshape(this, flattenShapeArgs(shape));
  }
  view(...shape: (number | readonly number[])[]): Tensor {
    return ops.reshape(this, flattenShapeArgs(shape));
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return ops.flatten(this, startDim, endDim);
  }
  transpose(dim0: number, dim1: number): Tensor {
    return ops.transpose(this, dim0, dim1);
  }
  permute(...dims: (number | readonly number[])[]): Tensor {
    return ops.permute(this, flattenShapeArgs(dims));
  }
  squeeze(dim?: number): Tensor {
    return ops.squeeze(this, dim);
  }
  unsqueeze(dim: number): Tensor {
    return ops.unsqueeze(this, dim);
  }
  expand(...shape: (number | readonly number[])[]): Tensor {
    return ops.expand(this, flattenShapeArgs(shape));
  }
  gather(dim: number, index: Tensor): Tensor {
    return ops.gather(this, dim, index);
  }
  /** Rows (or slices along dim) picked by an int32 index (torch.index_select). */
  indexSelect(dim: number, index: Tensor | ArrayLike<number>): Tensor {
    return ops.indexSelect(this, dim, index);
  }
  /** Elements start..end-1 along dim (like t[:, start:end]). */
  narrow(dim: number, start: number, length: number): Tensor {
    return ops.narrow(this, dim, start, length);
  }

  // ---- in-place (for optimizers and initialisation; refuse on graph leaves that need grad) ----

  add_(other: TensorLike, alpha?: number): this {
    return this.assign(this.add(other, alpha), 'add_');
  }
  sub_(other: TensorLike, alpha?: number): this {
    return this.assign(this.sub(other, alpha), 'sub_');
  }
  mul_(other: TensorLike): this {
    return this.assign(this.mul(other), 'mul_');
  }
  div_(other: TensorLike): this {
    return this.assign(this.div(other), 'div_');
  }
  copy_(source: Tensor): this {
    return this.assign(ops.expand(ops.cast(ops.toDevice(source, this.device), this.dtype), this.shape), 'copy_');
  }
  fill_(value: number): this {
    return this.assign(ops.full(this.shape, value, { dtype: this.dtype, device: this.device }), 'fill_');
  }
  zero_(): this {
    return this.fill_(0);
  }

  private assign(result: Tensor, op: string): this {
    ops.checkInPlace(this, result, op);
    this.storage = ops.cast(result, this.dtype).storage;
    this.version++;
    return this;
  }

  // ---- printing -------------------------------------------------------------------------

  toString(): string {
    return formatTensor(this);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatTensor(this);
  }
}

/** other·alpha for add/sub; a plain number is scaled directly. */
function scaled(other: TensorLike, alpha: number | undefined): TensorLike {
  if (alpha === undefined) return other;
  return typeof other === 'number' ? other * alpha : ops.mul(other, alpha);
}

function flattenShapeArgs(args: (number | readonly number[])[]): number[] {
  if (args.length === 1 && typeof args[0] !== 'number') return [...args[0]];
  return args.map((a) => {
    if (typeof a !== 'number') throw new TypeError('shape: pass the sizes either as separate numbers or as one array, not both.');
    return a;
  });
}

export type { Shape };
