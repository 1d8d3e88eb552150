import type { BinaryOp } from '../../backend/backend.js';
import { makeTensor } from '../../autograd/record.js';
import type { DType } from '../../tensor/dtype.js';
import { broadcastShapes } from '../../tensor/shape.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { binaryOperands } from '../operands.js';

/** Runs a backend binary primitive with broadcasting; returns the converted operands and the result. */
export function applyBinary(op: BinaryOp, a: TensorLike, b: TensorLike, resultDType?: (inputs: DType) => DType): [Tensor, Tensor, Tensor] {
  const [ta, tb, dtype] = binaryOperands(a, b, op);
  const outShape = broadcastShapes(ta.shape, tb.shape, op);
  const outDType = resultDType ? resultDType(dtype) : dtype;
  const storage = ta.backend.binary(op, ta.storage, ta.shape, tb.storage, tb.shape, outShape, dtype, outDType);
  return [ta, tb, makeTensor(storage, outShape, outDType, ta.device)];
}
