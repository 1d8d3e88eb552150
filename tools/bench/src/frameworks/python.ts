import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Task } from '../workloads.js';
import type { Framework, Sample } from './framework.js';

/** Debian's interpreter, which has python3-torch and python3-numpy (another python3 may come first on PATH). */
export const DEFAULT_PYTHON = '/usr/bin/python3';

const WORKER = fileURLToPath(new URL('../../python/bench_worker.py', import.meta.url));

/** What a Python framework needs that a JS one does not: its module and its environment. */
interface PythonSpec {
  key: 'torch' | 'numpy';
  label: (version: string) => string;
  /** The package to install when the import fails. */
  debianPackage: string;
  env: Record<string, string>;
}

export const TORCH: PythonSpec = {
  key: 'torch',
  label: (version) => `PyTorch ${version}`,
  debianPackage: 'python3-torch',
  // Without PASSIVE, torch's idle OpenMP threads spin against OpenBLAS's on 2 cores (5× slower).
  env: { OMP_WAIT_POLICY: 'PASSIVE' },
};

export const NUMPY: PythonSpec = {
  key: 'numpy',
  label: (version) => `numpy ${version}`,
  debianPackage: 'python3-numpy',
  env: {},
};

/** Either a started framework, or why it could not start (printed as a note, the bench goes on). */
export type Started = { framework: Framework } | { skipped: string };

/**
 * Starts bench_worker.py for torch or numpy and waits for its "ready" line. A missing
 * interpreter or a failed import gives `skipped` with the reason and the fix, never a throw.
 */
export async function startPython(spec: PythonSpec, python: string): Promise<Started> {
  const child = spawn(python, [WORKER, spec.key], {
    cwd: fileURLToPath(new URL('../../python/', import.meta.url)),
    // No __pycache__ left in the source tree.
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...spec.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const spawnError = new Promise<string>((resolve) => child.once('error', (e) => resolve(e.message)));
  const first = await Promise.race([lines.next().then((r) => (r.done ? null : r.value)), spawnError.then((message) => ({ spawnError: message }))]);
  const why = `${spec.key} skipped: ${python}`;
  if (first === null || typeof first === 'object') {
    child.kill();
    const detail = typeof first === 'object' && first !== null ? first.spawnError : stderr.trim().split('\n').pop() || 'it exited at once';
    return { skipped: `${why} could not run (${detail}). Give another interpreter with --python PATH or DLCOURSE_BENCH_PYTHON.` };
  }
  const hello = parseLine(first);
  if (hello.ready !== true) {
    child.kill();
    return { skipped: `${why} cannot import ${spec.key} (${String(hello.error ?? first)}). Install Debian's ${spec.debianPackage} or pass --python PATH.` };
  }
  return { framework: new PythonFramework(spec, String(hello.version), child, lines) };
}

function parseLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { error: `unexpected output: ${line.slice(0, 200)}` };
  }
}

class PythonFramework implements Framework {
  readonly key: string;
  readonly label: string;

  constructor(
    spec: PythonSpec,
    version: string,
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
  ) {
    this.key = spec.key;
    this.label = spec.label(version);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async run(task: Task, minSeconds: number): Promise<Sample> {
    this.child.stdin.write(`${JSON.stringify({ task, min_seconds: minSeconds })}\n`);
    const next = await this.lines.next();
    if (next.done) throw new Error(`${this.key}: the Python worker exited (status ${this.child.exitCode}).`);
    const reply = parseLine(next.value);
    if (typeof reply.error === 'string') throw new Error(`${this.key}: ${reply.error}`);
    return { seconds: Number(reply.seconds), loss: typeof reply.loss === 'number' ? reply.loss : undefined };
  }

  async endRow(): Promise<void> {}

  async close(): Promise<void> {
    this.child.stdin.end();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
  }
}
