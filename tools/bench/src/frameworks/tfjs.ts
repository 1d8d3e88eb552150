import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { MatmulTask, MlpEpochTask, Task } from '../workloads.js';
import { batchRanges, matmulOperands, mlpData } from '../inputs.js';
import { timePerCall, type Framework, type Sample } from './framework.js';

export type TfjsBackend = 'cpu' | 'wasm';

// The gradients live in a side-effect module of their own, which the full @tensorflow/tfjs
// package loads; its ESM build uses directory imports that Node's ESM loader refuses, so it is
// required (they register into tfjs's global gradient registry).
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');

let wasmPathsSet = false;

/** The .wasm files come from node_modules (tfjs would fetch them from a CDN otherwise). */
function useLocalWasm(): void {
  if (wasmPathsSet) return;
  const dist = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist/');
  setWasmPaths(dist);
  wasmPathsSet = true;
}

/** The column headings; wasm's says how many threads it got (its workers do not start under Node: 1). */
function label(backend: TfjsBackend): string {
  if (backend === 'cpu') return 'tfjs-cpu (plain JS)';
  const threads = getThreadsCount();
  return `tfjs-wasm (SIMD, ${threads} thread${threads === 1 ? '' : 's'})`;
}

/**
 * TensorFlow.js 4 on its cpu or wasm backend, the way its users write the same model: variables,
 * tf.losses.softmaxCrossEntropy and tf.train.sgd. Both backends live in one tfjs engine; each
 * run selects its own first.
 */
export class TfjsFramework implements Framework {
  readonly key: string;
  readonly label: string;
  private prepared: { key: string; tensors: tf.Tensor[]; value: unknown } | null = null;

  private constructor(private readonly backend: TfjsBackend) {
    this.key = `tfjs_${backend}`;
    this.label = label(backend);
  }

  static async start(backend: TfjsBackend): Promise<TfjsFramework> {
    if (backend === 'wasm') useLocalWasm();
    // What an application ships with: no debug checks of every kernel's memory.
    tf.enableProdMode();
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs could not start its ${backend} backend.`);
    return new TfjsFramework(backend);
  }

  async run(task: Task, minSeconds: number): Promise<Sample> {
    await tf.setBackend(this.backend);
    return task.kind === 'matmul' ? this.matmul(task, minSeconds) : this.epoch(task);
  }

  private prepare<T>(task: Task, build: () => { tensors: tf.Tensor[]; value: T }): T {
    const key = JSON.stringify(task);
    if (this.prepared?.key !== key) {
      this.release();
      this.prepared = { key, ...build() };
    }
    return this.prepared.value as T;
  }

  private matmul(task: MatmulTask, minSeconds: number): Sample {
    const { m, k, n, form } = task;
    const [a, b] = this.prepare(task, () => {
      const { a, b } = matmulOperands(m, k, n);
      const tensors = [tf.tensor2d(a, form === 'atb' ? [k, m] : [m, k]), tf.tensor2d(b, form === 'abt' ? [n, k] : [k, n])];
      return { tensors, value: tensors };
    });
    const seconds = timePerCall(() => {
      const c = tf.matMul(a, b, form === 'atb', form === 'abt');
      c.dataSync();
      c.dispose();
    }, minSeconds);
    return { seconds };
  }

  private epoch(task: MlpEpochTask): Sample {
    const { batches, init } = this.prepare(task, () => {
      const init = mlpData(task);
      const batches = batchRanges(task).map(([s, e]): [tf.Tensor2D, tf.Tensor2D] => [
        tf.tensor2d(init.x.subarray(s * task.inputs, e * task.inputs), [e - s, task.inputs]),
        tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(init.y.subarray(s, e), 'int32'), task.classes), 'float32') as tf.Tensor2D),
      ]);
      return { tensors: batches.flat(), value: { batches, init } };
    });
    const w1 = tf.variable(tf.tensor2d(init.w1, [task.hidden, task.inputs]));
    const b1 = tf.variable(tf.tensor1d(init.b1));
    const w2 = tf.variable(tf.tensor2d(init.w2, [task.classes, task.hidden]));
    const b2 = tf.variable(tf.tensor1d(init.b2));
    const optimizer = tf.train.sgd(task.lr);
    const losses: tf.Scalar[] = [];
    const start = performance.now();
    for (const [x, y] of batches) {
      const loss = optimizer.minimize(() => {
        const h = tf.relu(tf.add(tf.matMul(x, w1, false, true), b1));
        const logits = tf.add(tf.matMul(h, w2, false, true), b2);
        return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
      }, true);
      if (loss) losses.push(loss);
    }
    const total = tf.tidy(() => tf.addN(losses).dataSync()[0]);
    const seconds = (performance.now() - start) / 1000;
    tf.dispose([...losses, w1, b1, w2, b2]);
    optimizer.dispose();
    return { seconds, loss: total / batches.length };
  }

  private release(): void {
    if (this.prepared) tf.dispose(this.prepared.tensors);
    this.prepared = null;
  }

  async endRow(): Promise<void> {
    this.release();
  }

  async close(): Promise<void> {
    this.release();
  }
}
