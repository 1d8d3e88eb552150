import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEAP_GROWTH_FLAG, REPO_ROOT, graderDir } from '@dlcourse/grading/runner';

/** The workspace packages a grader's test worker needs at run time; solutions are never among them. */
const KIT_PACKAGES = ['packages/engine', 'packages/grading'];

/** The setup files that block the network and harden the realm in the worker. */
const WORKER_SETUP = fileURLToPath(new URL('./worker-setup', import.meta.url));

/** A grader's own files that are not for the test worker: the known-wrong and alternative answers, the proof. */
const GRADER_PRIVATE = new Set(['mutants', 'alternatives', 'node_modules', 'proof.test.ts', 'calibration.test.ts']);

/**
 * What the test worker may read from disk: the engine and the grading kit, the third-party
 * packages in node_modules (not the workspace links, which lead to solutions/ and graders/, nor
 * the caches), the submission's own copy, and extra files a grader needs (exercise 5's notMNIST
 * archive). Not the graders: vitest's main process reads and transforms the suites and sends
 * them over, so the student's code cannot read the hidden tests or the thresholds. Everything
 * else — solutions/, other submissions, the results — is denied.
 */
export function readableByWorker(exercise: string, submissionDir: string, extra: string[]): string[] {
  const paths = new Set<string>();
  // vitest's worker looks for snapshot files beside each suite (the graders keep none).
  // The folder does not exist, so the grant needs Node's wildcard to cover what would be in it.
  for (const suites of ['public', 'hidden']) paths.add(`${join(graderDir(exercise), suites, '__snapshots__')}/*`);
  for (const p of KIT_PACKAGES) paths.add(join(REPO_ROOT, p));
  paths.add(WORKER_SETUP);
  for (const dir of nodeModulesDirs()) {
    for (const p of thirdPartyPackages(dir)) paths.add(p);
  }
  paths.add(submissionDir);
  for (const p of extra) if (existsSync(p)) paths.add(p);
  return withRealPaths(paths);
}

/**
 * What vitest's main process may load as a module for the worker: what the worker may read,
 * plus the grader being run (its suites, rubric and helpers — not its mutants, alternative
 * answers or proofs).
 */
export function loadableForWorker(exercise: string, workerReadable: string[]): string[] {
  const paths = new Set(workerReadable);
  const dir = graderDir(exercise);
  for (const entry of readdirSync(dir)) if (!GRADER_PRIVATE.has(entry)) paths.add(join(dir, entry));
  return withRealPaths(paths);
}

/** The permission model compares real paths: list both spellings of a linked folder. */
function withRealPaths(paths: Set<string>): string[] {
  for (const p of [...paths]) {
    const real = existsSync(p) ? realpathSync(p) : p;
    if (real !== p) paths.add(real);
  }
  return [...paths];
}

function nodeModulesDirs(): string[] {
  const dirs = [join(REPO_ROOT, 'node_modules')];
  for (const p of KIT_PACKAGES) {
    const nested = join(REPO_ROOT, p, 'node_modules');
    if (existsSync(nested)) dirs.push(nested);
  }
  return dirs;
}

/** Every installed package folder except symbolic links (npm workspaces link their packages). */
function thirdPartyPackages(nodeModules: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    const path = join(nodeModules, entry.name);
    // Links lead to workspace folders; dot folders are caches (.cache holds the packed notMNIST
    // with its labels, .vite the transformed graders) and .bin only links.
    if (entry.isSymbolicLink() || entry.name.startsWith('.')) continue;
    if (entry.isDirectory() && entry.name.startsWith('@')) {
      for (const scoped of readdirSync(path, { withFileTypes: true })) if (!scoped.isSymbolicLink()) out.push(join(path, scoped.name));
    } else {
      out.push(path);
    }
  }
  return out;
}

/**
 * Node flags of the test worker: the permission model (no child processes, no workers, no
 * native addons unless a grader needs them, reads and writes only where listed) and a heap cap.
 */
export function forkExecArgv(options: { readable: string[]; tempDir: string; heapMb: number; addons: boolean }): string[] {
  return [
    '--experimental-permission',
    // Node 20 takes one path per flag (a comma-separated list is read as one odd path).
    ...options.readable.map((path) => `--allow-fs-read=${path}`),
    `--allow-fs-write=${options.tempDir}`,
    ...(options.addons ? ['--allow-addons'] : []),
    `--max-old-space-size=${options.heapMb}`,
    HEAP_GROWTH_FLAG,
    // A worker lives for one submission: its background compiles of code that runs a few times
    // (suites, fast-check, vitest) were ~15% of its CPU. Twice the ticks before optimizing leave
    // those in the baseline tiers; the training's loops still get there within milliseconds.
    // Worker CPU per sample of the matmul kernel 3.71 → 3.48 (mean of four alternated pairs, perf).
    '--ticks-before-optimization=6',
    '--no-warnings=ExperimentalWarning',
  ];
}
