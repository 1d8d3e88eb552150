/** Most products in a row that run on one thread after threads kept losing. */
const MAX_SKIP = 1024;

/**
 * Whether sharing a product between threads pays, learnt from the products themselves. On a
 * machine whose other cores are busy (several graders or test workers at once), a worker is
 * often scheduled late and the calling thread waits for it longer than doing everything itself
 * would have taken. After each threaded product the caller compares the time it took with its
 * estimate of doing it alone; every loss in a row doubles how many products then stay on one
 * thread before threads are tried again, and a win resets that.
 */
export class ThreadBackoff {
  private losses = 0;
  private skip = 0;

  /** True when the next large product should use threads. */
  useThreads(): boolean {
    if (this.skip === 0) return true;
    this.skip--;
    return false;
  }

  /**
   * After a threaded product: `threadedMs` it took, and `aloneMs`, the caller's estimate of
   * doing it alone (its own time × all chunks / the chunks it did).
   */
  record(threadedMs: number, aloneMs: number): void {
    if (threadedMs <= aloneMs) {
      this.losses = 0;
      return;
    }
    this.losses++;
    this.skip = Math.min(MAX_SKIP, 2 ** this.losses);
  }
}
