import type { AdamScalars } from '../backend/backend.js';
import { mayWriteInPlace, noteStorageWrite } from '../autograd/storage-writes.js';
import { isFloatDType } from '../tensor/dtype.js';
import { shapesEqual } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';

/** The tensors of one parameter's Adam step; `maxExpAvgSq` with amsgrad. */
export interface AdamStepTensors {
  param: Tensor;
  grad: Tensor;
  expAvg: Tensor;
  expAvgSq: Tensor;
  maxExpAvgSq?: Tensor;
}

/**
 * One Adam step in the backend's single pass (Backend.adamUpdate), written in place as the
 * write-in-place ops do it (each written tensor's version bumped, each write counted for the
 * graphs that saved it). Returns false, changing nothing, where that pass cannot be used — the
 * backend lacks it, dtypes or shapes differ, a storage must keep its values (a detached tensor
 * shares it) — and the caller then runs the step primitive by primitive, to the same bits.
 */
export function writeAdamStep(t: AdamStepTensors, scalars: AdamScalars): boolean {
  const { param } = t;
  const backend = param.backend;
  const written = [param, t.expAvg, t.expAvgSq, ...(t.maxExpAvgSq ? [t.maxExpAvgSq] : [])];
  const all = [...written, t.grad];
  const fits =
    backend.adamUpdate !== undefined &&
    isFloatDType(param.dtype) &&
    all.every((x) => x.dtype === param.dtype && x.device === param.device && shapesEqual(x.shape, param.shape)) &&
    written.every((x) => mayWriteInPlace(x.storage)) &&
    new Set(written.map((x) => x.storage)).size === written.length;
  if (!fits) return false;
  const storages = { param: param.storage, grad: t.grad.storage, expAvg: t.expAvg.storage, expAvgSq: t.expAvgSq.storage, maxExpAvgSq: t.maxExpAvgSq?.storage };
  backend.adamUpdate!(storages, scalars, param.numel(), param.dtype);
  for (const x of written) {
    noteStorageWrite(x.storage);
    x.version++;
  }
  return true;
}
