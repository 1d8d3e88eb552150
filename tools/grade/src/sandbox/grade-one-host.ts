import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { MEMORY_POLL_MS } from '../limits.js';
import { GroupMemory } from './process-tree-memory.js';
import { kernelIsolation } from './kernel-isolation.js';
import { RESULT_FD, parseEvent, type GradeEvent, type GradeJob, type JobMessage } from './protocol.js';

const LOG_TAIL_BYTES = 8192;

/** How the sandboxed run ended. */
export type Ending =
  | { kind: 'finished' }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'memory'; limitMb: number }
  | { kind: 'crashed'; code: number | null; signal: NodeJS.Signals | null };

export interface SandboxRun {
  events: GradeEvent[];
  ending: Ending;
  /** The last lines of what the processes printed during this run (for the instructor's log, never graded). */
  logTail: string;
  durationMs: number;
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

/**
 * grade-one coordinates (vitest's config, transforms, reporting) and runs no hot loop of its own,
 * so V8's optimizing compiler only burned CPU on background threads: capped at the baseline tier
 * a fresh grade-one used ~0.3 s less CPU per submission (tools/grade/README.md "Speed"). The
 * worker, which trains networks, keeps it.
 */
const GRADE_ONE_NODE_FLAGS = ['--max-opt=1'];

/**
 * Jobs one grade-one process takes before a fresh one replaces it. Its resident memory levels
 * off after a few jobs (~200 MB after the first, ~280 MB from the fifth on, 12 in a row), so
 * this bounds what any unseen leak could hold rather than answering a measured one.
 */
export const JOBS_PER_GRADE_ONE = 32;

/** The process serving a slot and the run it is on (if any). */
interface Live {
  child: ChildProcess;
  channel: Socket;
  jobs: number;
  /** Told of each event line, and of the process's end, while a run waits on it. */
  onEvent?: (job: number, event: GradeEvent) => void;
  onClose?: (code: number | null, signal: NodeJS.Signals | null) => void;
  log: string;
  closed: boolean;
}

/**
 * One job slot of the grading pool: a grade-one process (grade-one.ts, built by
 * grade-one-bundle.ts) that grades submission after submission, each in a fresh test worker, in
 * its own process group. A run is stopped at the first limit crossed — wall-clock time or the
 * resident memory of the whole group — by killing the group; the slot's next run starts a fresh
 * grade-one, as it does after a crash, after grade-one finds its built-ins changed, and after
 * {@link JOBS_PER_GRADE_ONE} jobs. The events come only from the socket on descriptor 3;
 * anything a submission prints goes to the log tail.
 */
export class GradeOneHost {
  private live: Live | undefined;
  private nextJob = 0;
  /** grade-one processes started by this slot (each start is ~1 s of CPU that reuse saves). */
  starts = 0;

  /**
   * `env`: grade-one's environment (its HOME and TMPDIR are the job's from the first job on);
   * `home`: its working directory between jobs; `noexecDir`: the folder holding every job's
   * copy and temp folder, mounted noexec for grade-one and its worker where the machine permits.
   */
  constructor(
    private readonly gradeOne: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly home: string,
    private readonly noexecDir: string,
  ) {}

  run(job: GradeJob, limits: SandboxLimits): Promise<SandboxRun> {
    const started = performance.now();
    // a process that ended is no longer `this.live` (see start's 'close')
    const live = this.live && this.live.jobs < JOBS_PER_GRADE_ONE ? this.live : this.start();
    const id = this.nextJob++;
    live.jobs++;
    live.log = '';
    const events: GradeEvent[] = [];

    return new Promise((resolve) => {
      let stopped: Ending | undefined;
      let settled = false;
      const settle = (ending: Ending) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        live.onEvent = live.onClose = undefined;
        resolve({ events, ending, logTail: live.log, durationMs: performance.now() - started });
      };
      const stop = (why: Ending) => {
        if (stopped) return;
        stopped = why;
        this.retire(live); // the run settles when the group is gone ('close')
      };
      const timer = setTimeout(() => stop({ kind: 'timeout', limitMs: limits.timeoutMs }), limits.timeoutMs);
      const memory = live.child.pid ? new GroupMemory(live.child.pid) : undefined;
      const memoryWatch = setInterval(() => {
        const bytes = memory ? memory.read() : null;
        if (bytes !== null && bytes > limits.memoryMb * 1024 * 1024) stop({ kind: 'memory', limitMb: limits.memoryMb });
      }, MEMORY_POLL_MS);
      live.onEvent = (jobId, event) => {
        if (jobId !== id || stopped) return;
        events.push(event);
        if (event.type !== 'done') return;
        if (!event.intact) this.retire(live);
        settle({ kind: 'finished' });
      };
      live.onClose = (code, signal) => settle(stopped ?? { kind: 'crashed', code, signal });
      const message: JobMessage = { job: id, task: job };
      live.channel.write(`${JSON.stringify(message)}\n`);
    });
  }

  /** Ends the slot's grade-one (at the end of a class). */
  close(): void {
    if (this.live) this.retire(this.live);
  }

  private start(): Live {
    if (this.live) this.retire(this.live);
    this.starts++;
    const isolation = kernelIsolation(this.noexecDir);
    const [command, ...args] = [...isolation.prefix, process.execPath, ...GRADE_ONE_NODE_FLAGS, this.gradeOne];
    const child = spawn(command!, args, {
      cwd: this.home,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true, // its own process group, so one kill reaches vitest's worker too
    });
    const live: Live = { child, channel: child.stdio[RESULT_FD] as Socket, jobs: 0, log: '', closed: false };
    this.live = live;
    const appendLog = (chunk: Buffer) => {
      live.log = (live.log + chunk.toString('utf8')).slice(-LOG_TAIL_BYTES);
    };
    child.stdout?.on('data', appendLog);
    child.stderr?.on('data', appendLog);
    createInterface({ input: live.channel, crlfDelay: Infinity }).on('line', (line) => {
      const tagged = parseEvent(line);
      if (tagged) live.onEvent?.(tagged.job, tagged.event);
    });
    live.channel.on('error', () => {}); // a killed grade-one resets the socket: 'close' below reports the end
    const closed = (code: number | null, signal: NodeJS.Signals | null) => {
      if (live.closed) return;
      live.closed = true;
      killGroup(child.pid); // a worker left behind by a crashed grade-one
      if (this.live === live) this.live = undefined;
      live.onClose?.(code, signal);
    };
    child.on('error', (error) => {
      appendLog(Buffer.from(`could not start grade-one: ${error.message}\n`));
      closed(null, null);
    });
    // A worker that outlives grade-one would hold the pipes open: end the group at once.
    child.on('exit', () => killGroup(child.pid));
    // 'close' waits for the pipes, so every event written before the end is in.
    child.on('close', closed);
    return live;
  }

  /** Ends a process for good: the whole group, so no worker of it lives on. */
  private retire(live: Live): void {
    if (this.live === live) this.live = undefined;
    live.channel.end();
    killGroup(live.child.pid);
  }
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
