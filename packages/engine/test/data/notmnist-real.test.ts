import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { Parser } from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNotMNIST, type NotMNISTDataset } from '../../src/data/index.js';

// The real notMNIST_small: $NOTMNIST_ARCHIVE, else the copy beside the repository (what CI uses).
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const archive = process.env.NOTMNIST_ARCHIVE || resolve(repoRoot, '../shared/data/notMNIST_small.tar.gz');
// Kept between runs, so that only the first `npm test` pays for decoding 18,726 PNGs.
const cacheDir = resolve(repoRoot, 'node_modules/.cache/dlcourse-test');

const SKIPPED = [
  'A/RGVtb2NyYXRpY2FCb2xkT2xkc3R5bGUgQm9sZC50dGY=.png',
  'F/Q3Jvc3NvdmVyIEJvbGRPYmxpcXVlLnR0Zg==.png',
];
const PER_CLASS = [1872, 1873, 1873, 1873, 1873, 1872, 1872, 1872, 1872, 1872]; // A–F 1873 minus the 0-byte files

// A missing archive fails here (never a silent skip): set NOTMNIST_ARCHIVE to notMNIST_small.tar.gz.
it('finds the course archive', () => {
  expect(existsSync(archive), `no archive at ${archive}: set NOTMNIST_ARCHIVE to the path of notMNIST_small.tar.gz`).toBe(true);
});

describe(`the real notMNIST_small archive (${archive})`, () => {
  let first: NotMNISTDataset;
  let firstMs: number;
  const warnings: string[] = [];

  beforeAll(async () => {
    const start = performance.now();
    first = await loadNotMNIST({ archive, cacheDir, onWarning: (m) => warnings.push(m) });
    firstMs = performance.now() - start;
    console.info(`notMNIST first load: ${firstMs.toFixed(0)} ms (${first.fromCache ? 'from the cache' : 'decoded PNGs'})`);
  }, 300_000);

  it('holds 18,724 images of 28×28 with labels 0–9 for A–J', () => {
    expect(first.n).toBe(18_724);
    expect([first.height, first.width]).toEqual([28, 28]);
    expect(first.images.length).toBe(18_724 * 28 * 28);
    expect(first.labels.length).toBe(18_724);
    expect(first.files.length).toBe(18_724);
    expect(first.classes).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
  });

  it('skips exactly the two 0-byte PNGs, with one warning naming both', () => {
    expect(first.skipped).toEqual(SKIPPED);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('skipped 2 ');
    for (const file of SKIPPED) expect(warnings[0]).toContain(file);
  });

  it('has the known number of images per class', () => {
    const counts = new Array(10).fill(0);
    for (const label of first.labels) counts[label]++;
    expect(counts).toEqual(PER_CLASS);
  });

  it('has values in [0, 1] and labels in 0–9 that match the class folders', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of first.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    const mislabelled = first.files.filter((file, i) => !(first.labels[i] >= 0 && first.labels[i] <= 9 && file.startsWith(`${first.classes[first.labels[i]]}/`)));
    expect(mislabelled).toEqual([]);
  });

  it('is sorted by class, then file name', () => {
    const sorted = [...first.files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(first.files).toEqual(sorted);
  });

  it('matches sharp decoding the same PNGs straight from the archive', async () => {
    const picks = [0, 1, 5_000, 9_999, 18_723].map((i) => first.files[i]);
    const bodies = new Map<string, Buffer>();
    await new Promise<void>((done, fail) => {
      const parser = new Parser({
        onReadEntry: (entry) => {
          const rel = entry.path.split('/').slice(-2).join('/');
          if (!picks.includes(rel)) return entry.resume();
          const chunks: Buffer[] = [];
          entry.on('data', (c: Buffer) => chunks.push(c));
          entry.on('end', () => bodies.set(rel, Buffer.concat(chunks)));
        },
      });
      parser.on('error', fail);
      parser.on('end', () => done());
      parser.end(readFileSync(archive));
    });
    for (const file of picks) {
      const expected = await sharp(bodies.get(file)!).toColourspace('b-w').raw().toBuffer();
      const i = first.files.indexOf(file);
      const got = first.images.subarray(i * 784, (i + 1) * 784);
      expect(Array.from(got, (v) => Math.round(v * 255))).toEqual(Array.from(expected));
    }
  }, 60_000);

  it('is loaded again from the packed cache, identical, in well under a second', async () => {
    // Both loads must come from the cache; the time is printed, not asserted (a timed unit
    // test on a shared machine measures the neighbours).
    const again: string[] = [];
    const times: number[] = [];
    let second!: NotMNISTDataset;
    for (let run = 0; run < 2; run++) {
      again.length = 0;
      const start = performance.now();
      second = await loadNotMNIST({ archive, cacheDir, onWarning: (m) => again.push(m) });
      times.push(performance.now() - start);
      expect(second.fromCache).toBe(true);
    }
    console.info(`notMNIST cached load: ${times.map((t) => t.toFixed(0)).join(' ms, ')} ms`);
    expect(second.fromCache).toBe(true);
    expect(second.cacheFile).toContain('84e19604cea1bc2b');
    expect(second.files).toEqual(first.files);
    expect(second.skipped).toEqual(first.skipped);
    expect(Buffer.compare(Buffer.from(second.labels.buffer), Buffer.from(first.labels.buffer))).toBe(0);
    expect(Buffer.compare(Buffer.from(second.images.buffer), Buffer.from(first.images.buffer))).toBe(0);
    expect(again).toEqual(warnings); // the skipped files are reported on every load
  }, 30_000);
});

