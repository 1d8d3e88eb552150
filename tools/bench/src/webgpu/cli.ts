/**
 * npm run bench:webgpu [-- --repeats N --rows N]: the webgpu backend beside the CPU backend in
 * one process — matmul GFLOP/s (the MLP's 128×784×256 and 1024³) and one epoch of the lesson's
 * MLP — as medians over N runs after a warm-up. On a software adapter (SwiftShader, llvmpipe)
 * the numbers describe the emulator, not a GPU: the output says so.
 */
import { parseArgs } from 'node:util';
import { useSwiftShaderUnlessDriverChosen, webgpuBackend } from '@dlcourse/engine';
import { medianMs } from './measure.js';
import { matmulRun, mlpEpochRun } from './workloads.js';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '5' }, rows: { type: 'string', default: '1024' } } });
const repeats = Number(values.repeats);
const rows = Number(values.rows);
if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a positive integer, got '${values.repeats}'.`);
if (!Number.isInteger(rows) || rows < 128) throw new Error(`--rows must be an integer ≥ 128 (one batch), got '${values.rows}'.`);

console.log(useSwiftShaderUnlessDriverChosen());
const info = webgpuBackend.adapterInfo();
const software = /swiftshader|llvmpipe|lavapipe|cpu/i.test(`${info.vendor} ${info.architecture} ${info.description}`);
console.log(`webgpu adapter: ${info.vendor} / ${info.architecture} / ${info.description}; matmul kernel: ${webgpuBackend.matmulVariant()}`);
if (software) console.log('NOTE: a software (CPU-emulated) adapter — a smoke run of the backend, not a GPU measurement.');
console.log(`medians of ${repeats} runs after a warm-up; cpu and webgpu measured one after the other in this process\n`);

const rowsOut: string[][] = [['workload', 'cpu ms', 'webgpu ms', 'cpu GFLOP/s', 'webgpu GFLOP/s', 'webgpu / cpu time']];
const matmuls: [number, number, number][] = [
  [128, 784, 256],
  [1024, 1024, 1024],
];
for (const [m, k, n] of matmuls) {
  const flops = 2 * m * k * n;
  const cpu = medianMs(matmulRun('cpu', m, k, n), repeats);
  const gpu = medianMs(matmulRun('webgpu', m, k, n), repeats);
  rowsOut.push([`matmul ${m}×${k}×${n}`, cpu.toFixed(2), gpu.toFixed(2), (flops / cpu / 1e6).toFixed(2), (flops / gpu / 1e6).toFixed(2), (gpu / cpu).toFixed(2)]);
}
const epochCpu = medianMs(mlpEpochRun('cpu', rows), repeats);
const epochGpu = medianMs(mlpEpochRun('webgpu', rows), repeats);
rowsOut.push([`MLP epoch, ${rows} rows, batch 128`, epochCpu.toFixed(1), epochGpu.toFixed(1), '', '', (epochGpu / epochCpu).toFixed(2)]);

const widths = rowsOut[0].map((_, c) => Math.max(...rowsOut.map((r) => r[c].length)));
for (const r of rowsOut) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
