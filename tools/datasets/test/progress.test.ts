import { describe, expect, it } from 'vitest';
import { isCI, progressBar } from '@dlcourse/engine';

/** A stream that keeps what is written; `isTTY` as given. */
function sink(isTTY: boolean): { stream: NodeJS.WritableStream & { isTTY: boolean; columns: number }; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 120, write: (s: string) => chunks.push(String(s)) > 0, on: () => stream, once: () => stream, removeListener: () => stream };
  return { stream: stream as unknown as NodeJS.WritableStream & { isTTY: boolean; columns: number }, text: () => chunks.join('') };
}

// The engine's progress bar (packages/engine/src/utils/progress.ts), which the download uses.
describe('progressBar', () => {
  it('prints a plain line every 10% when the stream is not a TTY', () => {
    const out = sink(false);
    const bar = progressBar({ total: 200, label: 'download', stream: out.stream });
    expect(bar.live).toBe(false);
    for (let v = 1; v <= 200; v++) bar.update(v, { loss: 1 / v });
    bar.stop();
    bar.stop();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('download: 10% (20/200) loss 0.0500');
    expect(lines[9]).toBe('download: 100% (200/200) loss 0.0050');
  });

  it('is quiet under CI even on a TTY; quietSteps 0 prints one line at stop (or none)', () => {
    const out = sink(true);
    const bar = progressBar({ total: 10, label: 'epoch 1/3', stream: out.stream, env: { CI: 'true' }, quietSteps: 0 });
    expect(bar.live).toBe(false);
    for (let v = 1; v <= 10; v++) bar.increment(1, { loss: 0.25 });
    bar.stop();
    expect(out.text()).toBe('epoch 1/3: 100% (10/10) loss 0.2500\n');
    const silent = sink(false);
    const none = progressBar({ total: 3, stream: silent.stream, quietSteps: 0, quietSummary: false });
    none.update(3);
    none.stop();
    expect(silent.text()).toBe('');
  });

  it('draws a cli-progress bar on a TTY outside CI', () => {
    const out = sink(true);
    const bar = progressBar({ total: 94, label: 'epoch 2/10', stream: out.stream, env: {} });
    expect(bar.live).toBe(true);
    bar.update(94, { loss: 0.3889 });
    bar.stop();
    expect(out.text()).toContain('epoch 2/10 [');
    expect(out.text()).toContain('100% | 94/94 | loss 0.3889');
  });

  it('checks its total, and reads $CI', () => {
    expect(() => progressBar({ total: 0 })).toThrow('progressBar: total must be a positive finite number, got 0.');
    expect([isCI({}), isCI({ CI: '' }), isCI({ CI: 'false' }), isCI({ CI: '0' }), isCI({ CI: 'true' }), isCI({ CI: '1' })]).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
