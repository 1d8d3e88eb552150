/**
 * npm run bench -- [--json FILE] [--quick] [--runs N] [--warmup N] [--python PATH]
 *                  [--frameworks LIST] [--breakdown] [--tiny] [--no-huge-pages]
 * Exit status: 0 measured (frameworks that could not run are noted, not fatal), 2 bad usage.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Framework } from './frameworks/framework.js';
import { DEFAULT_PYTHON, NUMPY, startPython, TORCH } from './frameworks/python.js';
import { HUGE_PAGES_TUNABLE, hugePagesOn, NO_HUGE_PAGES_FLAG, rerunWithHugePages } from './huge-pages.js';
import { formatTable, toJson } from './report.js';
import { measure } from './runner.js';
import { fullRows, tinyRows, type MlpEpochTask } from './workloads.js';

const FRAMEWORKS = ['engine', 'tfjs_cpu', 'tfjs_wasm', 'torch', 'numpy'] as const;
type FrameworkKey = (typeof FRAMEWORKS)[number];

/** Runs and warm-ups: the default, and --quick's (a first look; medians of fewer runs are noisier). */
const DEFAULT_RUNS = 5;
const QUICK_RUNS = 2;
const WARMUP = 1;
/** The least time one matmul sample takes; the tiny sizes of the smoke test need far less. */
const MIN_SAMPLE_SECONDS = { full: 0.1, tiny: 0.002 } as const;
/**
 * The least time of a warm-up matmul sample. The engine's matmul threads start, and its
 * WebAssembly tiers up to optimised code, within about the first 0.3 s: after a 0.1 s warm-up its
 * first timed row ran at half speed.
 */
const WARMUP_SAMPLE_SECONDS = { full: 1, tiny: 0.002 } as const;

const USAGE = `usage: npm run bench -- [--json FILE] [--quick] [--runs N] [--warmup N] [--python PATH] [--frameworks LIST] [--breakdown] [--no-huge-pages]

  Times the engine side by side with TensorFlow.js (cpu, wasm), PyTorch and numpy, interleaved:
  matmul 128×784×256 as A·B, Aᵀ·B and A·Bᵀ, matmul 1024³ (GFLOP/s), and one epoch of the
  784-256-10 MLP on 12,000 samples, batch 128, SGD (ms). Prints medians and engine/torch.

  --json FILE        also write the numbers as JSON (flat keys)
  --quick            ${QUICK_RUNS} runs instead of ${DEFAULT_RUNS} (noisier; a first look)
  --runs N           timed runs per row and framework (after ${WARMUP} warm-up)
  --warmup N         untimed runs first (default ${WARMUP})
  --python PATH      the interpreter for torch and numpy (default $DLCOURSE_BENCH_PYTHON, else ${DEFAULT_PYTHON});
                     when it is missing or lacks a package, that column is skipped with a note
  --frameworks LIST  comma-separated subset of ${FRAMEWORKS.join(',')} (default: all)
  --breakdown        also time one engine epoch per backend primitive (where the time goes)
  --tiny             tiny sizes, for the smoke test
  --no-huge-pages    keep glibc's 4 KiB pages (by default, on Linux, every framework runs with
                     GLIBC_TUNABLES=${HUGE_PAGES_TUNABLE}: see tools/bench/README.md)`;

function positiveInt(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got '${value}'.`);
  return n;
}

function parseFrameworks(list: string | undefined): FrameworkKey[] {
  if (list === undefined) return [...FRAMEWORKS];
  const keys = list.split(',').map((s) => s.trim().replace('-', '_'));
  for (const key of keys) {
    if (!(FRAMEWORKS as readonly string[]).includes(key)) throw new Error(`--frameworks: unknown '${key}'; choose from ${FRAMEWORKS.join(', ')}.`);
  }
  return keys as FrameworkKey[];
}

/** Frameworks are imported only when chosen (tfjs takes seconds to load), so usage errors are quick. */
async function startFrameworks(keys: readonly FrameworkKey[], python: string, notes: string[]): Promise<Framework[]> {
  const started: Framework[] = [];
  for (const key of keys) {
    if (key === 'engine') started.push(new (await import('./frameworks/engine.js')).EngineFramework());
    else if (key === 'tfjs_cpu') started.push(await (await import('./frameworks/tfjs.js')).TfjsFramework.start('cpu'));
    else if (key === 'tfjs_wasm') started.push(await (await import('./frameworks/tfjs.js')).TfjsFramework.start('wasm'));
    else {
      const result = await startPython(key === 'torch' ? TORCH : NUMPY, python);
      if ('framework' in result) started.push(result.framework);
      else notes.push(result.skipped);
    }
  }
  return started;
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'string' },
        quick: { type: 'boolean', default: false },
        runs: { type: 'string' },
        warmup: { type: 'string' },
        python: { type: 'string' },
        frameworks: { type: 'string' },
        breakdown: { type: 'boolean', default: false },
        tiny: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    options = {
      ...values,
      runs: positiveInt(values.runs, 'runs', values.quick ? QUICK_RUNS : DEFAULT_RUNS),
      warmup: positiveInt(values.warmup, 'warmup', WARMUP, 0),
      frameworks: parseFrameworks(values.frameworks),
      python: values.python ?? process.env.DLCOURSE_BENCH_PYTHON ?? DEFAULT_PYTHON,
    };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const sizes = options.tiny ? 'tiny' : 'full';
  const rows = options.tiny ? tinyRows() : fullRows();
  const notes: string[] = [];
  const frameworks = await startFrameworks(options.frameworks, options.python, notes);
  for (const note of notes) console.log(`note: ${note}`);
  try {
    const measurements = await measure(rows, frameworks, {
      runs: options.runs,
      warmup: options.warmup,
      minSeconds: MIN_SAMPLE_SECONDS[sizes],
      warmupSeconds: WARMUP_SAMPLE_SECONDS[sizes],
      log: (line) => console.error(line),
    });
    const hugePages = hugePagesOn();
    const context = { frameworks, notes, runs: options.runs, warmup: options.warmup, sizes, hugePages } as const;
    console.log(
      `\nMedians of ${options.runs} runs after ${options.warmup} warm-up, interleaved; ${new Date().toISOString().slice(0, 10)}, ${process.version}; ` +
        (hugePages ? `glibc malloc on huge pages (${HUGE_PAGES_TUNABLE}) in every framework.` : `glibc's default 4 KiB pages.`),
    );
    console.log(formatTable(measurements, context));
    const json = toJson(measurements, context);
    if (options.breakdown && options.frameworks.includes('engine')) {
      const epoch = rows.find((r) => r.task.kind === 'mlp_epoch')!.task as MlpEpochTask;
      const { engineEpochBreakdown, formatBreakdown } = await import('./breakdown.js');
      const breakdown = await engineEpochBreakdown(epoch);
      console.log(`\n${formatBreakdown(breakdown)}`);
      for (const [name, ms] of Object.entries(breakdown.primitivesMs)) json[`mlp_epoch_engine_breakdown_${name.replace(/\W+/g, '_')}_ms`] = ms;
      json.mlp_epoch_engine_breakdown_outside_backend_ms = breakdown.outsideMs;
    }
    for (const note of notes) console.log(`note: ${note}`);
    if (options.json) {
      await writeFile(options.json, `${JSON.stringify(json, null, 2)}\n`);
      console.log(`wrote ${options.json}`);
    }
    return 0;
  } finally {
    for (const framework of frameworks) await framework.close();
  }
}

const argv = process.argv.slice(2);
process.exitCode = rerunWithHugePages(argv) ?? (await main(argv.filter((arg) => arg !== NO_HUGE_PAGES_FLAG)));
