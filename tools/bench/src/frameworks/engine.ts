import { bmm, cpuMatmulKernel, crossEntropy, Linear, noGrad, ReLU, Sequential, SGD, tensor, type Tensor } from '@dlcourse/engine';
import type { MatmulTask, MlpEpochTask, Task } from '../workloads.js';
import { batchRanges, matmulOperands, mlpData } from '../inputs.js';
import { timePerCall, type Framework, type Sample } from './framework.js';

interface PreparedEpoch {
  batches: [Tensor, Tensor][];
  init: ReturnType<typeof mlpData>;
}

/**
 * The course's engine, used as a student would: Sequential(Linear, ReLU, Linear), crossEntropy,
 * SGD. The matmul rows call bmm with its transpose flags, the path Linear's forward and
 * backward take (a .T would copy).
 */
export class EngineFramework implements Framework {
  readonly key = 'engine';
  /** Which kernel ran its products: a machine without a C compiler runs the WebAssembly one, 3-4× slower. */
  readonly label = `engine (cpu, ${cpuMatmulKernel() === 'native' ? 'native' : cpuMatmulKernel() === 'webassembly' ? 'WebAssembly' : 'JavaScript'} matmul)`;
  private prepared: { key: string; value: unknown } | null = null;

  async run(task: Task, minSeconds: number): Promise<Sample> {
    return task.kind === 'matmul' ? this.matmul(task, minSeconds) : this.epoch(task);
  }

  private prepare<T>(task: Task, build: () => T): T {
    const key = JSON.stringify(task);
    if (this.prepared?.key !== key) this.prepared = { key, value: build() };
    return this.prepared.value as T;
  }

  private matmul(task: MatmulTask, minSeconds: number): Sample {
    const { m, k, n, form } = task;
    const [a, b] = this.prepare(task, () => {
      const { a, b } = matmulOperands(m, k, n);
      return [tensor(a).reshape(1, form === 'atb' ? k : m, form === 'atb' ? m : k), tensor(b).reshape(1, form === 'abt' ? n : k, form === 'abt' ? k : n)];
    });
    return { seconds: noGrad(() => timePerCall(() => bmm(a, b, form === 'atb', form === 'abt'), minSeconds)) };
  }

  private epoch(task: MlpEpochTask): Sample {
    const { batches, init } = this.prepare<PreparedEpoch>(task, () => {
      const init = mlpData(task);
      const batches = batchRanges(task).map(([s, e]): [Tensor, Tensor] => [
        tensor(init.x.subarray(s * task.inputs, e * task.inputs)).reshape(e - s, task.inputs),
        tensor(init.y.subarray(s, e), { dtype: 'int32' }),
      ]);
      return { batches, init };
    });
    const fc1 = new Linear(task.inputs, task.hidden, { generator: 0 });
    const fc2 = new Linear(task.hidden, task.classes, { generator: 0 });
    noGrad(() => {
      fc1.weight.copy_(tensor(init.w1).reshape(task.hidden, task.inputs));
      fc1.bias!.copy_(tensor(init.b1));
      fc2.weight.copy_(tensor(init.w2).reshape(task.classes, task.hidden));
      fc2.bias!.copy_(tensor(init.b2));
    });
    const model = new Sequential(fc1, new ReLU(), fc2);
    const optimizer = new SGD(model.parameters(), { lr: task.lr });
    let lossSum = 0;
    const start = performance.now();
    for (const [x, y] of batches) {
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(x), y);
      loss.backward();
      optimizer.step();
      lossSum += loss.item();
    }
    return { seconds: (performance.now() - start) / 1000, loss: lossSum / batches.length };
  }

  async endRow(): Promise<void> {
    this.prepared = null;
  }

  async close(): Promise<void> {}
}
