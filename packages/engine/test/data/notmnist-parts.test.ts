import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCacheDir } from '../../src/data/notmnist/cache-dir.js';
import { compareImagePaths, parseImagePath } from '../../src/data/notmnist/image-path.js';
import { mapBounded } from '../../src/data/notmnist/map-bounded.js';
import { decodePack, encodePack } from '../../src/data/notmnist/pack-format.js';
import type { PackedImages } from '../../src/data/notmnist/types.js';

describe('resolveCacheDir', () => {
  it('prefers the option, then $DLCOURSE_CACHE_DIR, then $XDG_CACHE_HOME/dlcourse, then ~/.cache/dlcourse', () => {
    const env = { DLCOURSE_CACHE_DIR: '/d', XDG_CACHE_HOME: '/x' };
    expect(resolveCacheDir('/o', env)).toBe(resolve('/o'));
    expect(resolveCacheDir(undefined, env)).toBe(resolve('/d'));
    expect(resolveCacheDir(undefined, { XDG_CACHE_HOME: '/x' })).toBe(resolve('/x/dlcourse'));
    expect(resolveCacheDir(undefined, {})).toBe(join(homedir(), '.cache', 'dlcourse'));
  });
});

describe('parseImagePath', () => {
  it('takes class folder and file name from any depth', () => {
    expect(parseImagePath('notMNIST_small/C/abc=.png')).toEqual({ file: 'C/abc=.png', label: 2 });
    expect(parseImagePath('./data/notMNIST_small/J/x.PNG')).toEqual({ file: 'J/x.PNG', label: 9 });
    expect(parseImagePath('A/x.png')).toEqual({ file: 'A/x.png', label: 0 });
  });

  it('ignores folders, other files, other folders, hidden and __MACOSX files', () => {
    for (const path of ['notMNIST_small/A/', 'notMNIST_small/A/x.txt', 'notMNIST_small/K/x.png', 'x.png',
      'notMNIST_small/A/._x.png', '__MACOSX/notMNIST_small/A/x.png']) {
      expect(parseImagePath(path)).toBeNull();
    }
  });

  it('orders by class, then by code unit', () => {
    const files = ['B/a.png', 'A/b.png', 'A/B.png', 'A/a.png'].map((f) => parseImagePath(f)!);
    expect(files.sort(compareImagePaths).map((f) => f.file)).toEqual(['A/B.png', 'A/a.png', 'A/b.png', 'B/a.png']);
  });
});

describe('mapBounded', () => {
  it('keeps the order and never exceeds the limit', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (x, i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, x));
      inFlight--;
      return x * 10 + i;
    });
    expect(out).toEqual([50, 11, 42, 23, 34, 5, 66]);
    expect(most).toBe(3);
  });

  it('rejects with the first error', async () => {
    await expect(mapBounded([1, 2, 3], 2, async (x) => {
      if (x === 2) throw new Error('two');
      return x;
    })).rejects.toThrow('two');
  });
});

describe('the packed cache format', () => {
  const data: PackedImages = {
    n: 2,
    height: 2,
    width: 3,
    classes: ['A', 'B'],
    files: ['A/x.png', 'B/é.png'],
    labels: Uint8Array.from([0, 1]),
    pixels: Uint8Array.from([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]),
    skipped: [{ file: 'A/e.png', reason: 'empty file (0 bytes)' }],
  };
  const bytes = (): Uint8Array => Buffer.concat(encodePack('k'.repeat(64), data));

  it('round-trips, header padded to 8 bytes', () => {
    const packed = bytes();
    expect(packed.length % 8).toBe((2 + 12) % 8);
    expect(decodePack(packed, 'k'.repeat(64))).toEqual(data);
  });

  it('rejects another key, a bad magic, a cut file, a changed byte', () => {
    expect(() => decodePack(bytes(), 'z'.repeat(64))).toThrow(/made from other data/);
    const magic = bytes();
    magic[0] = 0;
    expect(() => decodePack(magic, 'k'.repeat(64))).toThrow(/bad magic/);
    expect(() => decodePack(bytes().subarray(0, bytes().length - 1), 'k'.repeat(64))).toThrow(/truncated/);
    const flipped = bytes();
    flipped[flipped.length - 1] ^= 1;
    expect(() => decodePack(flipped, 'k'.repeat(64))).toThrow(/checksum/);
  });
});
