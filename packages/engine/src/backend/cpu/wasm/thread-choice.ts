/** Weight of the newest time in each moving average (one slow outlier moves it by a quarter). */
const NEWEST_WEIGHT = 0.25;
/** Products on the faster way between two tries of the other, right after the choice changed. */
const FIRST_TRY_AFTER = 16;
/** Most products between two tries of the slower way, reached by doubling while it keeps losing. */
const MAX_TRY_AFTER = 1024;

/**
 * Whether one shape of product is faster on threads or on the calling thread alone, measured
 * rather than guessed. On an idle machine threads win; on a busy one (several graders or test
 * workers at once) a worker is often scheduled late and the caller waits longer than doing it
 * all itself would have taken; on a virtual machine the difference also drifts with the host.
 * So both ways are timed and the faster is used. The way in use keeps a moving average in which
 * one preempted product counts as at most twice the average; the other way is tried again after
 * 16 products, then after 32, 64, … (at most 1024) while it keeps losing, and a try replaces its
 * time outright (it is the only fresh news of that way), so that the slower way costs little
 * and the faster is found again within one try when the machine changes.
 */
export class ThreadChoice {
  private threadedMs = Number.NaN;
  private aloneMs = Number.NaN;
  private tryAfter = FIRST_TRY_AFTER;
  private sinceTry = 0;
  private trying = false;

  /** True when the next product of this shape should use threads. */
  useThreads(): boolean {
    this.trying = false;
    if (Number.isNaN(this.threadedMs)) return true;
    if (Number.isNaN(this.aloneMs)) return false;
    const threadsFaster = this.threadedMs <= this.aloneMs;
    if (++this.sinceTry < this.tryAfter) return threadsFaster;
    this.sinceTry = 0;
    this.trying = true;
    return !threadsFaster;
  }

  /** After a product: whether it ran on threads, and how long it took. */
  record(threaded: boolean, ms: number): void {
    const known = !Number.isNaN(this.threadedMs) && !Number.isNaN(this.aloneMs);
    const wasThreadsFaster = this.threadedMs <= this.aloneMs;
    if (threaded) this.threadedMs = this.trying ? ms : average(this.threadedMs, ms);
    else this.aloneMs = this.trying ? ms : average(this.aloneMs, ms);
    const threadsFaster = this.threadedMs <= this.aloneMs;
    if (known && threadsFaster === wasThreadsFaster) {
      // a try that confirmed the choice: wait twice as long for the next one
      if (this.trying) this.tryAfter = Math.min(MAX_TRY_AFTER, this.tryAfter * 2);
    } else {
      this.tryAfter = FIRST_TRY_AFTER;
      this.sinceTry = 0;
    }
    this.trying = false;
  }
}

function average(previous: number, newest: number): number {
  if (Number.isNaN(previous)) return newest;
  return previous + NEWEST_WEIGHT * (Math.min(newest, 2 * previous) - previous);
}
