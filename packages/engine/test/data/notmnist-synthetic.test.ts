import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNotMNIST, type LoadNotMNISTOptions, type NotMNISTDataset } from '../../src/data/index.js';
import { greyPng, syntheticPixel, tarGz, writeTree } from './notmnist-fixtures.js';

// A tiny notMNIST: A/ and C/ with two images each, B/ with one image and one 0-byte file.
// Seeds give every image known pixels; the tar lists the files out of order on purpose.
const IMAGES: Record<string, number> = { 'A/b.png': 1, 'A/a.png': 2, 'B/x.png': 3, 'C/z.png': 4, 'C/m.png': 5 };
const EXPECTED_FILES = ['A/a.png', 'A/b.png', 'B/x.png', 'C/m.png', 'C/z.png'];
const EMPTY = 'B/empty.png';
const TAR_ORDER = ['C/z.png', 'B/empty.png', 'A/b.png', 'C/m.png', 'B/x.png', 'A/a.png'].map((f) => `notMNIST_small/${f}`);

let work: string;
let tree: string; // holds notMNIST_small/
let archive: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'notmnist-test-'));
  tree = join(work, 'tree');
  const files: Record<string, Uint8Array> = { [`notMNIST_small/${EMPTY}`]: new Uint8Array(0) };
  for (const [file, seed] of Object.entries(IMAGES)) files[`notMNIST_small/${file}`] = await greyPng(seed);
  await writeTree(tree, files);
  archive = join(work, 'small.tar.gz');
  await tarGz(tree, TAR_ORDER, archive);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let dirCount = 0;
/** A fresh, empty cache directory. */
function freshCacheDir(): string {
  return join(work, `cache-${++dirCount}`);
}

async function load(options: LoadNotMNISTOptions): Promise<{ data: NotMNISTDataset; warnings: string[] }> {
  const warnings: string[] = [];
  const data = await loadNotMNIST({ onWarning: (m) => warnings.push(m), ...options });
  return { data, warnings };
}

async function listing(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

function expectSyntheticContent(data: NotMNISTDataset): void {
  expect(data.n).toBe(5);
  expect(data.files).toEqual(EXPECTED_FILES);
  expect(Array.from(data.labels)).toEqual([0, 0, 1, 2, 2]);
  expect(data.classes).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
  expect(data.skipped).toEqual([EMPTY]);
  expect(data.images.length).toBe(5 * 28 * 28);
  data.files.forEach((file, i) => {
    const seed = IMAGES[file];
    for (const [y, x] of [[0, 0], [3, 17], [27, 27], [14, 2]]) {
      expect(data.images[i * 784 + y * 28 + x]).toBe(Math.fround(syntheticPixel(seed, y, x) / 255));
    }
  });
}

describe('loadNotMNIST on a small synthetic archive', () => {
  it('decodes the PNGs in class-then-name order, skipping the 0-byte file with one warning', async () => {
    const { data, warnings } = await load({ archive, cacheDir: freshCacheDir() });
    expectSyntheticContent(data);
    expect(data.fromCache).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('skipped 1 unreadable file');
    expect(warnings[0]).toContain(`${EMPTY} (empty file (0 bytes))`);
  });

  it('writes one packed cache file named by the archive hash, and reads it back identically', async () => {
    const cacheDir = freshCacheDir();
    const first = await load({ archive, cacheDir });
    const hash = createHash('sha256').update(await readFile(archive)).digest('hex');
    const files = await listing(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(hash.slice(0, 16));
    expect(first.data.cacheFile).toBe(join(cacheDir, files[0]));

    const second = await load({ archive, cacheDir });
    expect(second.data.fromCache).toBe(true);
    expectSyntheticContent(second.data);
    expect(second.data.images).toEqual(first.data.images);
    expect(second.warnings).toEqual(first.warnings);
  });

  it('with useCache: false reads and writes no cache', async () => {
    const cacheDir = freshCacheDir();
    const { data } = await load({ archive, cacheDir, useCache: false });
    expectSyntheticContent(data);
    expect(data.cacheFile).toBeNull();
    expect(await listing(cacheDir)).toEqual([]);
  });

  it('uses $DLCOURSE_CACHE_DIR when no cacheDir is given', async () => {
    const cacheDir = freshCacheDir();
    const saved = process.env.DLCOURSE_CACHE_DIR;
    process.env.DLCOURSE_CACHE_DIR = cacheDir;
    try {
      const { data } = await load({ archive });
      expect(data.cacheFile?.startsWith(cacheDir)).toBe(true);
      expect(await listing(cacheDir)).toHaveLength(1);
    } finally {
      restoreEnv('DLCOURSE_CACHE_DIR', saved);
    }
  });

  it('uses $NOTMNIST_ARCHIVE when neither archive nor folder is given', async () => {
    const saved = process.env.NOTMNIST_ARCHIVE;
    process.env.NOTMNIST_ARCHIVE = archive;
    try {
      const { data } = await load({ cacheDir: freshCacheDir() });
      expectSyntheticContent(data);
    } finally {
      restoreEnv('NOTMNIST_ARCHIVE', saved);
    }
  });
});

describe('loadNotMNIST on an extracted folder', () => {
  it('reads notMNIST_small/ itself, and its parent, the same as the archive', async () => {
    const fromArchive = (await load({ archive, useCache: false })).data;
    for (const folder of [join(tree, 'notMNIST_small'), tree]) {
      const { data, warnings } = await load({ folder, cacheDir: freshCacheDir() });
      expectSyntheticContent(data);
      expect(data.images).toEqual(fromArchive.images);
      expect(warnings).toHaveLength(1);
    }
  });

  it('keys the cache by (path, size, mtime): an edited file is decoded again', async () => {
    const folderTree = join(work, 'folder-copy');
    const files: Record<string, Uint8Array> = {};
    for (const [file, seed] of Object.entries(IMAGES)) files[`notMNIST_small/${file}`] = await greyPng(seed);
    await writeTree(folderTree, files);
    const cacheDir = freshCacheDir();
    expect((await load({ folder: folderTree, cacheDir })).data.fromCache).toBe(false);
    expect((await load({ folder: folderTree, cacheDir })).data.fromCache).toBe(true);

    const edited = join(folderTree, 'notMNIST_small/B/x.png');
    await writeFile(edited, await greyPng(99));
    await utimes(edited, new Date(), new Date(Date.now() + 5_000));
    const { data } = await load({ folder: folderTree, cacheDir });
    expect(data.fromCache).toBe(false);
    const i = data.files.indexOf('B/x.png');
    expect(data.images[i * 784 + 5]).toBe(Math.fround(syntheticPixel(99, 0, 5) / 255));
    expect(await listing(cacheDir)).toHaveLength(2);
  });

  it('names a folder that does not exist', async () => {
    const missing = join(work, 'no-such-folder');
    await expect(load({ folder: missing, useCache: false })).rejects.toThrow(`notMNIST folder not found: ${missing}`);
  });

  it('says so when a folder holds no A/ … J/ folders', async () => {
    await expect(load({ folder: work, useCache: false })).rejects.toThrow(/holds no class folders A\/ … J\//);
  });
});

describe('loadNotMNIST with images that are not 28×28', () => {
  // Chosen behaviour: such a file is skipped and named in the one warning, like an unreadable
  // one (notMNIST_small has none); if no file at all is usable, that is an error.
  it('skips a 32×32 PNG and an undecodable file, naming both in one warning', async () => {
    const dir = join(work, 'odd');
    await writeTree(dir, {
      'notMNIST_small/A/good.png': await greyPng(7),
      'notMNIST_small/A/big.png': await greyPng(8, 32, 32),
      'notMNIST_small/D/junk.png': Buffer.from('not a png at all'),
    });
    const archiveOdd = join(work, 'odd.tar.gz');
    await tarGz(dir, ['notMNIST_small'], archiveOdd);
    const { data, warnings } = await load({ archive: archiveOdd, useCache: false });
    expect(data.files).toEqual(['A/good.png']);
    expect(data.skipped).toEqual(['A/big.png', 'D/junk.png']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('skipped 2 unreadable files');
    expect(warnings[0]).toContain('A/big.png (32×32×1, expected 28×28×1)');
    expect(warnings[0]).toContain('D/junk.png (unreadable');
  });

  it('throws when no image is usable', async () => {
    const dir = join(work, 'allbad');
    await writeTree(dir, { 'notMNIST_small/A/big.png': await greyPng(8, 32, 32) });
    await expect(load({ folder: dir, useCache: false })).rejects.toThrow(/none of its 1 PNG files can be used/);
  });
});

describe('loadNotMNIST on a damaged archive', () => {
  const damaged: [string, (bytes: Buffer) => Buffer][] = [
    ['cut in half', (b) => b.subarray(0, Math.floor(b.length / 2))],
    ['random bytes', (b) => Buffer.from(Array.from(b, (_, i) => (i * 2654435761) >>> 24))],
    ['an empty file', () => Buffer.alloc(0)],
    ['gzip of a tar cut inside a file', (b) => gzipSync(gunzipSync(b).subarray(0, 700))],
    ['gzip of a tar cut inside a header', (b) => gzipSync(gunzipSync(b).subarray(0, 1536 + 100))],
    ['gzip of a tar cut between entries', (b) => gzipSync(gunzipSync(b).subarray(0, 1536))],
    ['gzip of non-tar bytes', () => gzipSync(Buffer.alloc(4096, 0x41))],
  ];
  for (const [what, damage] of damaged) {
    it(`${what}: a clear error naming the archive, and no cache file`, async () => {
      const bad = join(work, `damaged-${what.replace(/\W+/g, '-')}.tar.gz`);
      await writeFile(bad, damage(await readFile(archive)));
      const cacheDir = freshCacheDir();
      const error = await load({ archive: bad, cacheDir }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toContain(bad);
      expect(error!.message).toMatch(/corrupt or truncated/);
      expect(error!.message).toMatch(/download it again/);
      expect(await listing(cacheDir)).toEqual([]);
    });
  }
});

describe('loadNotMNIST with a damaged cache file', () => {
  const damages: [string, (file: string) => Promise<void>][] = [
    ['garbage', (f) => writeFile(f, 'garbage')],
    ['cut short', async (f) => truncate(f, 5_000)],
    ['one pixel byte changed', async (f) => {
      const bytes = await readFile(f);
      bytes[bytes.length - 10] ^= 0xff;
      await writeFile(f, bytes);
    }],
  ];
  for (const [what, damage] of damages) {
    it(`${what}: ignored with a warning and rebuilt`, async () => {
      const cacheDir = freshCacheDir();
      const { data: first } = await load({ archive, cacheDir });
      await damage(first.cacheFile!);
      const second = await load({ archive, cacheDir });
      expect(second.data.fromCache).toBe(false);
      expectSyntheticContent(second.data);
      expect(second.warnings.some((w) => w.includes(`ignoring the cache file ${first.cacheFile}`))).toBe(true);
      const third = await load({ archive, cacheDir });
      expect(third.data.fromCache).toBe(true);
      expect(third.data.images).toEqual(first.images);
      expect(await listing(cacheDir)).toHaveLength(1); // no temp files left behind
    });
  }

  it('still returns the data, with a warning, when the cache cannot be written', async () => {
    const notADir = join(work, 'a-file');
    await writeFile(notADir, 'x');
    const { data, warnings } = await load({ archive, cacheDir: notADir });
    expectSyntheticContent(data);
    expect(data.cacheFile).toBeNull();
    expect(warnings.some((w) => w.includes('could not write the cache file'))).toBe(true);
  });
});

describe('loadNotMNIST without usable data', () => {
  it('names a missing archive, NOTMNIST_ARCHIVE and the download address', async () => {
    const missing = join(work, 'nowhere', 'notMNIST_small.tar.gz');
    await expect(load({ archive: missing })).rejects.toThrow(
      new RegExp(`notMNIST archive not found: ${escape(missing)}.*NOTMNIST_ARCHIVE.*yaroslavvb\\.com`),
    );
  });

  it('says what is missing and how to fix it when nothing is given', async () => {
    const saved = process.env.NOTMNIST_ARCHIVE;
    delete process.env.NOTMNIST_ARCHIVE;
    try {
      await expect(load({})).rejects.toThrow(/--archive.*NOTMNIST_ARCHIVE.*notMNIST_small\.tar\.gz.*yaroslavvb\.com/);
    } finally {
      restoreEnv('NOTMNIST_ARCHIVE', saved);
    }
  });

  it('refuses both archive and folder', async () => {
    await expect(load({ archive, folder: tree })).rejects.toThrow(/either archive or folder, not both/);
  });

  it('says so when the archive holds no A–J PNGs', async () => {
    const dir = join(work, 'other');
    await writeTree(dir, { 'stuff/readme.txt': Buffer.from('hello') });
    const other = join(work, 'other.tar.gz');
    await tarGz(dir, ['stuff'], other);
    await expect(load({ archive: other, useCache: false })).rejects.toThrow(/holds no PNG files in class folders/);
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

