/**
 * The engine's matmul, old kernel vs new, side by side in one process: GFLOP/s medians.
 *
 *   npm run bench:matmul -w @dlcourse/engine              # the shapes
 *   npm run bench:matmul -w @dlcourse/engine -- --threads # where a second thread starts to pay
 *
 * Each repetition times every variant once, in turn, so that the noise of a shared machine
 * falls on all of them alike. Variants: the JavaScript kernel (float64 sums; what matmul was),
 * the WebAssembly kernel on one thread and on every core (threads always on), and the engine's op
 * on tensors (`bmm`, which `matmul` and the backward of every product call, transposes read in
 * place; threads as the engine chooses them, see ThreadChoice).
 */
import { tensor } from '../src/index.js';
import { bmm } from '../src/ops/matmul.js';
import type { MatmulSpec } from '../src/backend/backend.js';
import { matmulKernel } from '../src/backend/cpu/matmul.js';
import { nodeHost } from '../src/backend/cpu/wasm/node-host.js';
import { WasmMatmul, type WasmMatmulOptions } from '../src/backend/cpu/wasm/wasm-matmul.js';

type Variant = { name: string; run: () => void };

function make(options: WasmMatmulOptions): WasmMatmul {
  const made = WasmMatmul.create(nodeHost, options);
  if (!(made instanceof WasmMatmul)) throw new Error(made.unavailable);
  return made;
}

const random = (size: number): Float32Array => Float32Array.from({ length: size }, () => Math.random() * 2 - 1);

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Median milliseconds of each variant over `reps` interleaved repetitions (after one warm-up). */
function timeSideBySide(variants: Variant[], reps: number): number[] {
  const times = variants.map(() => [] as number[]);
  for (const v of variants) v.run();
  for (let r = 0; r < reps; r++) {
    variants.forEach((v, i) => {
      const t0 = performance.now();
      v.run();
      times[i]!.push(performance.now() - t0);
    });
  }
  return times.map(median);
}

const oneThread = make({ maxThreads: 1 });
const allThreads = make({ adaptiveThreads: false });
const threads = await allThreads.whenThreadsReady();

function shapes(): void {
  const rows: Array<[string, number, number, number, boolean, boolean]> = [
    ['128×784×256  A·B', 128, 784, 256, false, false],
    ['128×784×256  Aᵀ·B (dW = Xᵀ·dY)', 128, 784, 256, true, false],
    ['128×784×256  A·Bᵀ (dX = dY·Wᵀ)', 128, 784, 256, false, true],
    ['1024³        A·B', 1024, 1024, 1024, false, false],
  ];
  console.log(`matmul GFLOP/s, medians (${threads} threads available)`);
  console.log('shape                             old JS   wasm 1 thread   wasm all threads      engine bmm   engine/old');
  for (const [label, m, k, n, transA, transB] of rows) {
    const a = random(m * k);
    const b = random(k * n);
    const out = new Float32Array(m * n);
    const spec: MatmulSpec = { batch: 1, m, k, n, aBatchStride: 0, bBatchStride: 0, transA, transB };
    const x = tensor(a).reshape(transA ? [1, k, m] : [1, m, k]);
    const y = tensor(b).reshape(transB ? [1, n, k] : [1, k, n]);
    const variants: Variant[] = [
      { name: 'old JS', run: () => matmulKernel(a, b, spec, out) },
      { name: 'wasm 1 thread', run: () => oneThread.matmul(a, b, spec, out) },
      { name: 'wasm all threads', run: () => allThreads.matmul(a, b, spec, out) },
      { name: 'engine bmm', run: () => void bmm(x, y, transA, transB) },
    ];
    const ms = timeSideBySide(variants, m >= 1024 ? 7 : 41);
    const gflops = ms.map((t) => (2 * m * n * k) / t / 1e6);
    const cells = gflops.map((g, i) => g.toFixed(1).padStart([6, 15, 18, 15][i]!));
    console.log(`${label.padEnd(32)}${cells.join('')}   ${(gflops[3]! / gflops[0]!).toFixed(1).padStart(9)}×`);
  }
}

async function threadThreshold(): Promise<void> {
  const forced = make({ minFlopsForThreads: 0, adaptiveThreads: false });
  await forced.whenThreadsReady();
  console.log('square n: 1 thread ms, all threads ms, speed-up (the default starts threads at 2^21 flops)');
  for (const size of [32, 48, 64, 80, 96, 128, 160, 192, 256]) {
    const a = random(size * size);
    const b = random(size * size);
    const out = new Float32Array(size * size);
    const spec: MatmulSpec = { batch: 1, m: size, k: size, n: size, aBatchStride: 0, bBatchStride: 0, transA: false, transB: false };
    const [one, all] = timeSideBySide(
      [
        { name: '1', run: () => oneThread.matmul(a, b, spec, out) },
        { name: 'all', run: () => forced.matmul(a, b, spec, out) },
      ],
      201,
    );
    console.log(`${String(size).padStart(4)} (2^${Math.log2(2 * size ** 3).toFixed(1)} flops): ${one!.toFixed(4)}  ${all!.toFixed(4)}  ${(one! / all!).toFixed(2)}×`);
  }
}

if (process.argv.includes('--threads')) await threadThreshold();
else shapes();
