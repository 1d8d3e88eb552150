import type { MatmulHost } from './host.js';
import type { WasmMemory, WasmModule } from './wasm-api.js';

/** Most worker threads the pool starts, whatever the core count. */
const MAX_WORKERS = 15;
/**
 * Milliseconds a thread polls for what it waits for before it sleeps in Atomics.wait. On a
 * virtual machine waking a sleeping thread takes ~0.1 ms (its virtual CPU was halted; measured
 * here: 115-145 µs round trip, 1 µs while polling), a tenth of a 128×784×256 product; the products
 * of one training step come well within a millisecond of each other.
 */
export const SPIN_MS = 1;
/** Most i32 arguments one posted call carries. */
const MAX_ARGS = 32;

/**
 * Int32 slots of the mailbox the calling thread shares with its workers. A call is posted by
 * writing its arguments, the thread count and `pending`, then bumping `generation`; each worker
 * with index < threads runs its share and decrements `pending`; the last one wakes the caller.
 * `ready + w - 1` is set once worker w has its instance and waits for work; `asleep` counts the
 * workers blocked in Atomics.wait (the rest are polling).
 */
const MAILBOX = {
  generation: 0,
  pending: 1,
  threads: 2,
  failed: 3,
  argCount: 4,
  asleep: 5,
  ready: 6,
  args: 6 + MAX_WORKERS,
} as const;
const MAILBOX_SLOTS = MAILBOX.args + MAX_ARGS;

export type Share = (thread: number) => void;

/**
 * Worker threads that each run one share of a kernel call while the calling thread runs share 0
 * and then blocks (Atomics.wait) until all are done, so that callers stay synchronous.
 * Workers are started on first use and join once ready: until then, and wherever threads are
 * not allowed, the calling thread simply does all the work.
 */
export class ThreadPool {
  private readonly slots = new Int32Array(new SharedArrayBuffer(MAILBOX_SLOTS * 4));
  private started = 0;
  private startFailed = false;

  constructor(
    private readonly host: MatmulHost,
    private readonly module: WasmModule,
    private readonly memory: WasmMemory,
    private readonly maxThreads: number,
  ) {}

  /** Threads that can take a share right now (1 = the caller alone). Starts workers on first call. */
  threadsReady(): number {
    this.startWorkers();
    let threads = 1;
    while (threads <= this.started && Atomics.load(this.slots, MAILBOX.ready + threads - 1) === 1) threads++;
    return threads;
  }

  /** Resolves with threadsReady() once every started worker is ready, or after timeoutMs. */
  async whenReady(timeoutMs = 10_000): Promise<number> {
    this.startWorkers();
    const deadline = Date.now() + timeoutMs;
    while (this.threadsReady() <= this.started && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.threadsReady();
  }

  /**
   * Runs share 0 here and shares 1 … threads−1 on ready workers (each calls the kernel's entry
   * with `args` and its share number), and returns when all are done.
   */
  run(args: readonly number[], threads: number, ownShare: Share): void {
    if (threads <= 1) {
      ownShare(0);
      return;
    }
    if (args.length > MAX_ARGS) throw new RangeError(`ThreadPool: ${args.length} arguments, at most ${MAX_ARGS}.`);
    const s = this.slots;
    s.set(args, MAILBOX.args);
    s[MAILBOX.argCount] = args.length;
    s[MAILBOX.threads] = threads;
    s[MAILBOX.failed] = 0;
    Atomics.store(s, MAILBOX.pending, threads - 1);
    Atomics.add(s, MAILBOX.generation, 1);
    Atomics.notify(s, MAILBOX.generation);
    try {
      ownShare(0);
    } finally {
      // Even when share 0 failed, the workers still write into the shared memory: wait for them.
      const spinUntil = performance.now() + SPIN_MS;
      while (Atomics.load(s, MAILBOX.pending) !== 0 && performance.now() < spinUntil);
      for (let pending = Atomics.load(s, MAILBOX.pending); pending !== 0; pending = Atomics.load(s, MAILBOX.pending)) {
        Atomics.wait(s, MAILBOX.pending, pending);
      }
    }
    if (Atomics.load(s, MAILBOX.failed) !== 0) throw new Error('matmul: a worker thread failed while computing its share.');
  }

  /**
   * Wakes workers that went to sleep, ahead of a call about to be posted: waking a sleeping
   * thread takes a tenth of a millisecond or more on a virtual machine, which the caller's own
   * preparation (copying and packing the operands) then hides. A woken worker polls again.
   */
  wake(): void {
    if (Atomics.load(this.slots, MAILBOX.asleep) > 0) Atomics.notify(this.slots, MAILBOX.generation);
  }

  private startWorkers(): void {
    if (this.started > 0 || this.startFailed) return;
    const wanted = Math.min(MAX_WORKERS, this.maxThreads - 1);
    for (let index = 1; index <= wanted; index++) {
      try {
        this.host.startWorker({ index, module: this.module, memory: this.memory, mailbox: this.slots.buffer as SharedArrayBuffer, layout: MAILBOX, spinMs: SPIN_MS });
      } catch {
        // No threads here (e.g. Node's permission model without --allow-worker): single-threaded it is.
        this.startFailed = true;
        return;
      }
      this.started = index;
    }
  }
}
