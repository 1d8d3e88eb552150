/**
 * The element types a tensor can hold. No bool dtype: comparisons give 0/1 masks in a float
 * dtype so that they multiply straight into gradients (see ops/compare.ts).
 */
export type DType = 'float32' | 'float64' | 'int32';

export type TypedArray = Float32Array | Float64Array | Int32Array;

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32'];

export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && (DTYPES as readonly string[]).includes(value);
}

export function isFloatDType(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

const RANK: Record<DType, number> = { int32: 0, float32: 1, float64: 2 };

/** The dtype of a result computed from two dtypes (like torch.result_type for tensors). */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** int32 promoted to float32 for ops whose result is real-valued (exp, div, mean, …). */
export function toFloatDType(dtype: DType): DType {
  return isFloatDType(dtype) ? dtype : 'float32';
}

export function allocate(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
  }
}

export function dtypeOfTypedArray(array: TypedArray): DType {
  if (array instanceof Float32Array) return 'float32';
  if (array instanceof Float64Array) return 'float64';
  return 'int32';
}
