import { cpus } from 'node:os';
import type { Framework } from './frameworks/framework.js';
import type { RowMeasurement } from './runner.js';
import { median } from './stats.js';
import { matmulFlops } from './workloads.js';

/** The peer the ratio column compares with. */
const REFERENCE = 'torch';

export interface ReportContext {
  frameworks: readonly Framework[];
  notes: readonly string[];
  runs: number;
  warmup: number;
  sizes: 'full' | 'tiny';
  /** Whether glibc's malloc ran on transparent huge pages in every framework (huge-pages.ts). */
  hugePages: boolean;
}

/** A row's median per framework, in the row's unit, and the engine's time over torch's. */
interface Summary {
  measurement: RowMeasurement;
  unit: 'GFLOP/s' | 'ms';
  values: Map<string, number>;
  losses: Map<string, number>;
  ratioVsTorch: number | undefined;
}

function summarise(measurement: RowMeasurement): Summary {
  const { task } = measurement.row;
  const seconds = new Map<string, number>();
  const losses = new Map<string, number>();
  for (const [key, samples] of measurement.samples) {
    if (samples.length === 0) continue;
    seconds.set(key, median(samples.map((s) => s.seconds)));
    const loss = samples[samples.length - 1].loss;
    if (loss !== undefined) losses.set(key, loss);
  }
  const values = new Map<string, number>();
  for (const [key, s] of seconds) values.set(key, task.kind === 'matmul' ? matmulFlops(task) / s / 1e9 : s * 1000);
  const engine = seconds.get('engine');
  const torch = seconds.get(REFERENCE);
  return {
    measurement,
    unit: task.kind === 'matmul' ? 'GFLOP/s' : 'ms',
    values,
    losses,
    ratioVsTorch: engine !== undefined && torch !== undefined ? engine / torch : undefined,
  };
}

function formatValue(value: number | undefined, unit: Summary['unit']): string {
  if (value === undefined) return '—';
  if (unit === 'ms') return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3)} ms`;
  return `${value >= 100 ? Math.round(value) : value.toPrecision(3)} GFLOP/s`;
}

/** The Markdown table: medians per framework and the engine's time over PyTorch's. */
export function formatTable(measurements: readonly RowMeasurement[], context: ReportContext): string {
  const header = ['', ...context.frameworks.map((f) => f.label), 'engine time / torch time'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const summary of measurements.map(summarise)) {
    const cells = context.frameworks.map((f) => formatValue(summary.values.get(f.key), summary.unit));
    const ratio = summary.ratioVsTorch === undefined ? '—' : `${summary.ratioVsTorch.toFixed(2)}×`;
    lines.push(`| ${summary.measurement.row.label} | ${cells.join(' | ')} | ${ratio} |`);
  }
  return lines.join('\n');
}

/** The same numbers under flat keys (`matmul_128x784x256_gflops_engine`, `mlp_epoch_ratio_vs_torch`, …). */
export function toJson(measurements: readonly RowMeasurement[], context: ReportContext): Record<string, unknown> {
  const json: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine_cpus: cpus().length,
    machine_cpu_model: cpus()[0]?.model ?? 'unknown',
    node_version: process.version,
    sizes: context.sizes,
    runs: context.runs,
    warmup: context.warmup,
    glibc_huge_pages: context.hugePages,
  };
  for (const f of context.frameworks) json[`framework_${f.key}`] = f.label;
  for (const summary of measurements.map(summarise)) {
    const { key } = summary.measurement.row;
    const unit = summary.unit === 'ms' ? 'ms' : 'gflops';
    for (const [framework, value] of summary.values) json[`${key}_${unit}_${framework}`] = value;
    for (const [framework, loss] of summary.losses) json[`${key}_loss_${framework}`] = loss;
    if (summary.ratioVsTorch !== undefined) json[`${key}_ratio_vs_torch`] = summary.ratioVsTorch;
    for (const [framework, error] of summary.measurement.errors) json[`${key}_error_${framework}`] = error;
  }
  json.notes = [...context.notes];
  return json;
}
