import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTMNIST_ARCHIVE } from '../src/notmnist-archive.js';
import { prepareNotMNIST, PrepareError, type PrepareOptions } from '../src/prepare.js';
import { closedPort, serveBytes } from './loopback-server.js';

/** The course archive: $NOTMNIST_ARCHIVE (CI sets it), else the shared copy beside the repository. */
const archivePath =
  process.env.NOTMNIST_ARCHIVE ?? fileURLToPath(new URL('../../../../shared/data/notMNIST_small.tar.gz', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlcourse-datasets-test-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Options that touch nothing outside `cacheDir`: an empty environment, quiet progress into `lines`. */
function isolated(cacheDir: string, extra: PrepareOptions = {}): { options: PrepareOptions; lines: string[] } {
  const lines: string[] = [];
  const progressStream = { write: (s: string) => lines.push(...s.trimEnd().split('\n')) !== 0, isTTY: false } as unknown as NodeJS.WritableStream;
  return {
    lines,
    options: { cacheDir, env: {}, log: (line) => lines.push(line), progressStream, stallTimeoutMs: 10_000, ...extra },
  };
}

let archive: Buffer;
beforeAll(() => {
  expect(existsSync(archivePath), `no notMNIST archive at ${archivePath} (set NOTMNIST_ARCHIVE)`).toBe(true);
  archive = readFileSync(archivePath);
});

describe('npm run data:notmnist, against a local HTTP server on 127.0.0.1', () => {
  it('downloads the archive, checks it, caches it, builds the packed cache; a second run is instant and makes no request', async () => {
    const server = await serveBytes(archive, { maxRequests: 2 });
    try {
      const cacheDir = tempDir();
      const first = isolated(cacheDir, { url: server.url });
      const result = await prepareNotMNIST(first.options);
      expect(server.requests).toBe(1);
      expect(result.origin).toBe('download');
      expect(result.archive).toBe(join(cacheDir, NOTMNIST_ARCHIVE.fileName));
      expect(readFileSync(result.archive).equals(archive)).toBe(true);
      expect(result).toMatchObject({ images: 18_724, skipped: 2, packFound: false });
      expect(result.packFile !== null && existsSync(result.packFile)).toBe(true);
      // Quiet progress (not a TTY): about one line per 10%, ending at 100%.
      const progress = first.lines.filter((l) => l.startsWith('download: '));
      expect(progress.length).toBeGreaterThanOrEqual(5);
      expect(progress.length).toBeLessThanOrEqual(11);
      expect(progress.at(-1)).toMatch(/^download: 100% \(7\.7 MiB\/7\.7 MiB\)/);
      // Only the archive and the pack are left: no temp file.
      expect(readdirSync(cacheDir).sort()).toEqual([NOTMNIST_ARCHIVE.fileName, result.packFile!.split('/').pop()].sort());

      const second = isolated(cacheDir, { url: server.url });
      const started = performance.now();
      const again = await prepareNotMNIST(second.options);
      const seconds = (performance.now() - started) / 1000;
      expect(server.requests).toBe(1);
      expect(again).toMatchObject({ origin: 'cache', packFound: true, packFile: result.packFile, images: 18_724 });
      expect(second.lines.join('\n')).toMatch(/archive: found .* in the cache/);
      expect(second.lines.join('\n')).toMatch(/packed cache: found /);
      expect(seconds).toBeLessThan(5);
    } finally {
      await server.close();
    }
  });

  it('a server that sends truncated bytes: a checksum error, and no file left', async () => {
    const server = await serveBytes(archive.subarray(0, 1_000_000), { maxRequests: 1 });
    try {
      const cacheDir = tempDir();
      const run = isolated(cacheDir, { url: server.url });
      const error = await prepareNotMNIST(run.options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrepareError);
      expect((error as Error).message).toMatch(/^checksum error: .*1,000,000 bytes, but the course's archive has 8,082,858/);
      expect((error as Error).message).toContain('Nothing was kept');
      expect(server.requests).toBe(1);
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a server that sends wrong bytes of the right size: a sha256 error, and the temp file is deleted', async () => {
    const wrong = Buffer.from(archive);
    wrong[4_000_000] ^= 0xff;
    const server = await serveBytes(wrong, { maxRequests: 1 });
    try {
      const cacheDir = tempDir();
      const run = isolated(cacheDir, { url: server.url });
      const error = await prepareNotMNIST(run.options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PrepareError);
      expect((error as Error).message).toMatch(/checksum error: .* sha256 [0-9a-f]{64}, expected 84e19604/);
      expect((error as Error).message).toContain('the partial download was deleted');
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('no network and no archive: a message that says where to get the archive and where to put it', async () => {
    const port = await closedPort();
    const cacheDir = tempDir();
    const run = isolated(cacheDir, { url: `http://127.0.0.1:${port}/notMNIST_small.tar.gz` });
    const error = await prepareNotMNIST(run.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrepareError);
    const message = (error as Error).message;
    expect(message).toContain(`cannot reach http://127.0.0.1:${port}/notMNIST_small.tar.gz`);
    expect(message).toContain('ECONNREFUSED');
    expect(message).toContain(NOTMNIST_ARCHIVE.url);
    expect(message).toContain(join(cacheDir, NOTMNIST_ARCHIVE.fileName));
    expect(message).toContain('--archive /path/to/notMNIST_small.tar.gz');
    expect(message).toContain('NOTMNIST_ARCHIVE=');
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('the command exits 1 with that message (and 0 for --help)', async () => {
    const port = await closedPort();
    // The CLI itself, once: a closed port, an isolated cache, no NOTMNIST_ARCHIVE.
    const cacheDir = tempDir();
    const env = { ...process.env, DLCOURSE_CACHE_DIR: cacheDir, NOTMNIST_ARCHIVE: '', CI: '1' };
    const tsx = join(repoRoot, 'node_modules/.bin/tsx');
    const script = join(repoRoot, 'tools/datasets/src/prepare-notmnist.ts');
    const offline = spawnSync(tsx, [script, '--url', `http://127.0.0.1:${port}/notMNIST_small.tar.gz`], { env, encoding: 'utf8', timeout: 60_000 });
    expect(offline.status).toBe(1);
    expect(offline.stderr).toContain('error: cannot download the notMNIST archive');
    expect(offline.stderr).toContain(`put it at ${join(cacheDir, NOTMNIST_ARCHIVE.fileName)}`);
    const help = spawnSync(tsx, [script, '--help'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run data:notmnist');
  });

  it('--archive PATH is used where it is: nothing downloaded, nothing copied', async () => {
    const port = await closedPort();
    const cacheDir = tempDir();
    const run = isolated(cacheDir, { archive: archivePath, url: `http://127.0.0.1:${port}/never` });
    const result = await prepareNotMNIST(run.options);
    expect(result).toMatchObject({ origin: 'option', archive: archivePath, archiveVerified: true, images: 18_724 });
    expect(existsSync(join(cacheDir, NOTMNIST_ARCHIVE.fileName))).toBe(false);
    expect(run.lines[0]).toBe(`archive: ${archivePath} (from --archive; size and sha256 match the course's archive)`);
    // $NOTMNIST_ARCHIVE works the same way; a missing path is a clear error.
    const fromEnv = isolated(cacheDir, { env: { NOTMNIST_ARCHIVE: archivePath } });
    expect(await prepareNotMNIST(fromEnv.options)).toMatchObject({ origin: 'env', packFound: true });
    const missing = isolated(cacheDir, { archive: join(cacheDir, 'nope.tar.gz') });
    await expect(prepareNotMNIST(missing.options)).rejects.toThrow(/--archive names .*nope\.tar\.gz, which does not exist/);
  });
});
