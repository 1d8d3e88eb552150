import { describe, expect, it } from 'vitest';
import { ThreadBackoff } from '../../src/backend/cpu/wasm/thread-backoff.js';

/** How many of the next `calls` products would use threads. */
function threadedAmong(backoff: ThreadBackoff, calls: number): number {
  let threaded = 0;
  for (let i = 0; i < calls; i++) if (backoff.useThreads()) threaded++;
  return threaded;
}

describe('ThreadBackoff', () => {
  it('keeps threads while they win', () => {
    const backoff = new ThreadBackoff();
    for (let i = 0; i < 10; i++) {
      expect(backoff.useThreads()).toBe(true);
      backoff.record(1, 1.8);
    }
  });

  it('after a loss runs the next 2 products alone, after two losses in a row the next 4, then tries again', () => {
    const backoff = new ThreadBackoff();
    backoff.record(3, 2);
    expect([backoff.useThreads(), backoff.useThreads(), backoff.useThreads()]).toEqual([false, false, true]);
    backoff.record(3, 2);
    expect(threadedAmong(backoff, 4)).toBe(0);
    expect(backoff.useThreads()).toBe(true);
  });

  it('a win resets the back-off', () => {
    const backoff = new ThreadBackoff();
    for (let i = 0; i < 5; i++) backoff.record(3, 2);
    threadedAmong(backoff, 32);
    backoff.record(1, 2);
    backoff.record(3, 2);
    expect(threadedAmong(backoff, 3)).toBe(1);
  });

  it('never skips more than 1024 products', () => {
    const backoff = new ThreadBackoff();
    for (let i = 0; i < 40; i++) backoff.record(3, 2);
    expect(threadedAmong(backoff, 1025)).toBe(1);
  });
});
