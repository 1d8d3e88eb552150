import { classArray, uniformArray } from './synthetic.js';
import { STREAMS, type MlpEpochTask } from './workloads.js';

/** The epoch's samples, labels and initial parameters, as every framework receives them (see synthetic.ts). */
export interface MlpData {
  /** [samples, inputs], uniform in [0, 1) like pixel intensities. */
  x: Float32Array;
  /** [samples], class indices. */
  y: Int32Array;
  /** [hidden, inputs] and [classes, hidden] (torch's Linear layout), U(−1/√fanIn, 1/√fanIn) as torch's init. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

export function mlpData(task: MlpEpochTask): MlpData {
  const { samples, inputs, hidden, classes } = task;
  const bound1 = 1 / Math.sqrt(inputs);
  const bound2 = 1 / Math.sqrt(hidden);
  return {
    x: uniformArray(STREAMS.samples, samples * inputs, 0, 1),
    y: classArray(STREAMS.labels, samples, classes),
    w1: uniformArray(STREAMS.w1, hidden * inputs, -bound1, bound1),
    b1: uniformArray(STREAMS.b1, hidden, -bound1, bound1),
    w2: uniformArray(STREAMS.w2, classes * hidden, -bound2, bound2),
    b2: uniformArray(STREAMS.b2, classes, -bound2, bound2),
  };
}

/** [start, end) of each batch, in order (no shuffling: the same batches everywhere); the last may be short. */
export function batchRanges(task: MlpEpochTask): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < task.samples; start += task.batch) ranges.push([start, Math.min(start + task.batch, task.samples)]);
  return ranges;
}

/** The matmul operands in their stored layouts: A is [m, k] (or [k, m] for Aᵀ·B), B is [k, n] (or [n, k] for A·Bᵀ). */
export function matmulOperands(m: number, k: number, n: number): { a: Float32Array; b: Float32Array } {
  return { a: uniformArray(STREAMS.matmulA, m * k, -1, 1), b: uniformArray(STREAMS.matmulB, k * n, -1, 1) };
}
