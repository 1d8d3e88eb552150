import { spawn } from 'node:child_process';
import { MEMORY_POLL_MS } from '../limits.js';
import { groupResidentBytes } from './process-tree-memory.js';
import { networkIsolation } from './network-isolation.js';
import { RESULT_FD, parseEvent, type GradeEvent, type GradeJob } from './protocol.js';

const LOG_TAIL_BYTES = 8192;

/** How the sandboxed process ended. */
export type Ending =
  | { kind: 'finished' }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'memory'; limitMb: number }
  | { kind: 'crashed'; code: number | null; signal: NodeJS.Signals | null };

export interface SandboxRun {
  events: GradeEvent[];
  ending: Ending;
  /** The last lines of what the processes printed (for the instructor's log, never graded). */
  logTail: string;
  durationMs: number;
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

/**
 * grade-one coordinates for a few seconds (vitest's config, transforms, reporting) and runs no
 * hot loop, so V8's optimizing compiler only burned CPU on background threads: capped at the
 * baseline tier it used ~0.3 s less CPU per submission (1.5 s instead of 1.8 s for a stub,
 * alternated runs; tools/grade/README.md "Speed"). The worker, which trains networks, keeps it.
 */
const GRADE_ONE_NODE_FLAGS = ['--max-opt=1'];

/**
 * Runs grade-one (the built module, see grade-one-bundle.ts) for one submission in its own process group and stops the whole group at the
 * first limit crossed: wall-clock time or resident memory of the tree. The events come only from
 * the pipe on descriptor 3; anything a submission prints goes to the log tail.
 */
export function runSandboxed(gradeOne: string, job: GradeJob, limits: SandboxLimits, env: NodeJS.ProcessEnv): Promise<SandboxRun> {
  const started = performance.now();
  const isolation = networkIsolation();
  const [command, ...args] = [...isolation.prefix, process.execPath, ...GRADE_ONE_NODE_FLAGS, gradeOne];
  const child = spawn(command, args, {
    cwd: job.tempDir,
    env: { ...env, DLGRADE_JOB: JSON.stringify(job) },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true, // its own process group, so one kill reaches vitest's worker too
  });
  const events: GradeEvent[] = [];
  let logTail = '';
  const appendLog = (chunk: Buffer) => {
    logTail = (logTail + chunk.toString('utf8')).slice(-LOG_TAIL_BYTES);
  };
  child.stdout?.on('data', appendLog);
  child.stderr?.on('data', appendLog);
  let pending = '';
  const resultPipe = child.stdio[RESULT_FD] as NodeJS.ReadableStream;
  resultPipe.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const event = parseEvent(pending.slice(0, newline));
      if (event) events.push(event);
      pending = pending.slice(newline + 1);
    }
  });

  let stopped: Ending | undefined;
  const stop = (why: Ending) => {
    if (stopped) return;
    stopped = why;
    killGroup(child.pid);
  };
  const timer = setTimeout(() => stop({ kind: 'timeout', limitMs: limits.timeoutMs }), limits.timeoutMs);
  const memoryWatch = setInterval(() => {
    const bytes = child.pid ? groupResidentBytes(child.pid) : null;
    if (bytes !== null && bytes > limits.memoryMb * 1024 * 1024) stop({ kind: 'memory', limitMb: limits.memoryMb });
  }, MEMORY_POLL_MS);

  return new Promise((resolve) => {
    let finished = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      killGroup(child.pid); // a worker left behind by a crashed grade-one
      const done = events.some((e) => e.type === 'done');
      const ending: Ending = stopped ?? (done && code === 0 ? { kind: 'finished' } : { kind: 'crashed', code, signal });
      resolve({ events, ending, logTail, durationMs: performance.now() - started });
    };
    child.on('error', (error) => {
      appendLog(Buffer.from(`could not start grade-one: ${error.message}\n`));
      finish(null, null);
    });
    // A worker that outlives grade-one would hold the pipes open: end the group at once.
    child.on('exit', () => killGroup(child.pid));
    // 'close' waits for the pipes, so every event written before the end is in.
    child.on('close', finish);
  });
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
