import { describe, expect, it } from 'vitest';
import { ThreadChoice } from '../../src/backend/cpu/wasm/thread-choice.js';

/**
 * Runs `products` products through the choice, each taking `threadedMs` on threads and `aloneMs`
 * alone, and returns the way each one took (true = threads).
 */
function simulate(choice: ThreadChoice, products: number, threadedMs: number, aloneMs: number): boolean[] {
  const ways: boolean[] = [];
  for (let i = 0; i < products; i++) {
    const threaded = choice.useThreads();
    choice.record(threaded, threaded ? threadedMs : aloneMs);
    ways.push(threaded);
  }
  return ways;
}

const count = (ways: boolean[], threaded: boolean): number => ways.filter((w) => w === threaded).length;

describe('ThreadChoice', () => {
  it('times both ways first, then keeps the faster one', () => {
    const choice = new ThreadChoice();
    const ways = simulate(choice, 16, 0.6, 1.1);
    expect(ways.slice(0, 2)).toEqual([true, false]);
    expect(ways.slice(2)).toEqual(Array(14).fill(true));
  });

  it('stays alone when threads are slower, trying them again after 16 products, then 32, 64, …', () => {
    const choice = new ThreadChoice();
    const ways = simulate(choice, 2 + 16 + 32 + 64, 2.5, 1.1);
    const tries = ways.flatMap((threaded, i) => (threaded && i > 0 ? [i] : []));
    expect(tries).toEqual([2 + 15, 2 + 15 + 32, 2 + 15 + 32 + 64]);
  });

  it('tries the slower way at most once in 1024 products however long it keeps losing', () => {
    const choice = new ThreadChoice();
    simulate(choice, 20_000, 2.5, 1.1);
    expect(count(simulate(choice, 2048, 2.5, 1.1), true)).toBeLessThanOrEqual(2);
    expect(count(simulate(choice, 2048, 2.5, 1.1), true)).toBeGreaterThanOrEqual(1);
  });

  it('switches back to threads soon after they become the faster way (the other cores went idle)', () => {
    const choice = new ThreadChoice();
    simulate(choice, 200, 2.5, 1.1); // busy machine: alone, trying threads ever more rarely
    const ways = simulate(choice, 1200, 0.6, 1.1); // idle again
    const firstThreaded = ways.indexOf(true);
    expect(firstThreaded).toBeGreaterThanOrEqual(0);
    // from the first try on, threads are used for (nearly) everything
    expect(count(ways.slice(firstThreaded), true)).toBeGreaterThan(0.9 * (ways.length - firstThreaded));
  });

  it('one slow threaded product among fast ones does not turn threads off', () => {
    const preempted = new ThreadChoice();
    const steady = new ThreadChoice();
    simulate(preempted, 10, 0.6, 1.1);
    simulate(steady, 10, 0.6, 1.1);
    expect(preempted.useThreads()).toBe(true);
    preempted.record(true, 3.0); // 5× the usual: the worker was scheduled late once
    expect(steady.useThreads()).toBe(true);
    steady.record(true, 0.6);
    expect(simulate(preempted, 40, 0.6, 1.1)).toEqual(simulate(steady, 40, 0.6, 1.1));
  });

  it('turns threads off within a few products once they are slower every time', () => {
    const choice = new ThreadChoice();
    simulate(choice, 10, 0.6, 1.1);
    const ways = simulate(choice, 10, 2.5, 1.1);
    expect(ways.indexOf(false)).toBeGreaterThan(0);
    expect(ways.indexOf(false)).toBeLessThanOrEqual(4);
  });
});
