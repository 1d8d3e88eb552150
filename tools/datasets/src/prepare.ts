import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadNotMNIST, resolveCacheDir } from '@dlcourse/engine';
import { checkFile, mismatch } from './checksum.js';
import { download, DownloadError } from './download.js';
import { ARCHIVE_ENV, formatCount, NOTMNIST_ARCHIVE } from './notmnist-archive.js';

export interface PrepareOptions {
  /** The archive to use as it is (--archive); else $NOTMNIST_ARCHIVE; else the cache; else a download. */
  archive?: string;
  /** Where to download from (--url), default the course's address. */
  url?: string;
  /** The cache folder (--cache-dir); default the engine's: $DLCOURSE_CACHE_DIR, $XDG_CACHE_HOME/dlcourse, ~/.cache/dlcourse. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives each line of the report (default console.log). */
  log?: (line: string) => void;
  /** Download progress output (default process.stdout). */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
  quietProgress?: boolean;
  /** Give up a download when no byte arrives for this long (default 60 s). */
  stallTimeoutMs?: number;
}

export type ArchiveOrigin = 'option' | 'env' | 'cache' | 'download';

export interface PrepareResult {
  archive: string;
  origin: ArchiveOrigin;
  /** False when the archive given is not byte-identical to the course's (it is used anyway). */
  archiveVerified: boolean;
  cacheDir: string;
  /** The engine's packed cache file (null if it could not be written). */
  packFile: string | null;
  /** True when the packed cache was there already (nothing was decoded). */
  packFound: boolean;
  images: number;
  skipped: number;
}

/** A failure whose message says what happened and what to do; the CLI prints it and exits 1. */
export class PrepareError extends Error {
  override name = 'PrepareError';
}

/**
 * Makes notMNIST ready for the engine: finds the archive (the option, $NOTMNIST_ARCHIVE, the
 * cache folder) or downloads it into the cache folder (checked: size and sha256), then builds the
 * engine's packed cache with loadNotMNIST. Run twice, the second run finds both and does nothing.
 */
export async function prepareNotMNIST(options: PrepareOptions = {}): Promise<PrepareResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const cacheDir = resolveCacheDir(options.cacheDir, env);
  const cached = join(cacheDir, NOTMNIST_ARCHIVE.fileName);
  const expected = { size: NOTMNIST_ARCHIVE.size, sha256: NOTMNIST_ARCHIVE.sha256 };

  let archive: string;
  let origin: ArchiveOrigin;
  let archiveVerified = true;
  const given = nonEmpty(options.archive) ?? nonEmpty(env[ARCHIVE_ENV]);
  if (given !== undefined) {
    origin = nonEmpty(options.archive) !== undefined ? 'option' : 'env';
    archive = resolve(given);
    const via = origin === 'option' ? '--archive' : `$${ARCHIVE_ENV}`;
    const info = await stat(archive).catch(() => null);
    if (info === null || !info.isFile()) {
      throw new PrepareError(
        `${via} names ${archive}, which ${info === null ? 'does not exist' : 'is not a file'}.\n` + whatToDo(cacheDir, cached),
      );
    }
    const why = mismatch(await checkFile(archive), expected);
    if (why === null) {
      log(`archive: ${archive} (from ${via}; size and sha256 match the course's archive)`);
    } else {
      archiveVerified = false;
      log(`archive: ${archive} (from ${via}) — note: it is not the course's archive (${why}); using it anyway`);
    }
  } else {
    archive = cached;
    origin = 'cache';
    const info = await stat(cached).catch(() => null);
    let found = false;
    if (info !== null) {
      const why = mismatch(await checkFile(cached), expected);
      if (why === null) {
        found = true;
        log(`archive: found ${cached} in the cache (size and sha256 match)`);
      } else {
        log(`archive: the cached ${cached} is damaged (${why}); deleting it and downloading it again`);
        await rm(cached, { force: true });
      }
    }
    if (!found) {
      origin = 'download';
      const url = nonEmpty(options.url) ?? NOTMNIST_ARCHIVE.url;
      log(`archive: downloading ${url} (${formatCount(NOTMNIST_ARCHIVE.size)} bytes) into ${cacheDir}`);
      try {
        await download({
          url,
          dest: cached,
          expected,
          stallTimeoutMs: options.stallTimeoutMs,
          progressStream: options.progressStream,
          quietProgress: options.quietProgress,
          env,
        });
      } catch (error) {
        if (!(error instanceof DownloadError)) throw error;
        if (error.failure === 'mismatch') {
          throw new PrepareError(
            `checksum error: ${error.message}. Nothing was kept (the partial download was deleted).\n` +
              `Run this again to retry, or use another copy:\n` +
              whatToDo(cacheDir, cached),
          );
        }
        throw new PrepareError(
          `cannot download the notMNIST archive: ${error.message}.\n` +
            `No archive was given (--archive, $${ARCHIVE_ENV}) and none is in the cache folder ${cacheDir}.\n` +
            whatToDo(cacheDir, cached),
        );
      }
      log(`archive: downloaded and checked (size and sha256 match): ${cached}`);
    }
  }

  const started = performance.now();
  const notes: string[] = [];
  let data;
  try {
    data = await loadNotMNIST({
      archive,
      cacheDir,
      // The skipped files are summed up below; other warnings (an invalid cache file) pass through.
      onWarning: (message) => {
        if (!message.startsWith('notMNIST: skipped')) notes.push(message);
      },
    });
  } catch (error) {
    throw new PrepareError(`cannot read ${archive}: ${(error as Error).message}`);
  }
  for (const note of notes) log(`warning: ${note}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skipped = data.skipped.length === 0 ? '' : `; ${data.skipped.length} unreadable files skipped (${data.skipped.join(', ')})`;
  if (data.fromCache) {
    log(`packed cache: found ${data.cacheFile} (${formatCount(data.n)} images${skipped}), read in ${seconds} s`);
  } else if (data.cacheFile !== null) {
    log(`packed cache: built ${data.cacheFile} (${formatCount(data.n)} images${skipped}) in ${seconds} s`);
  } else {
    log(`packed cache: could not be written (see the warning above); ${formatCount(data.n)} images decoded in ${seconds} s`);
  }
  const how = origin === 'option' || origin === 'env' ? ` (pass the same --archive or ${ARCHIVE_ENV} to the example)` : '';
  log(`notMNIST is ready: npm run example:notmnist${how}`);
  return {
    archive,
    origin,
    archiveVerified,
    cacheDir,
    packFile: data.cacheFile,
    packFound: data.fromCache,
    images: data.n,
    skipped: data.skipped.length,
  };
}

/** The way out when there is no archive: where to get it and where to put it. */
export function whatToDo(cacheDir: string, cached: string): string {
  return [
    `To go on without network:`,
    `  1. get notMNIST_small.tar.gz (${formatCount(NOTMNIST_ARCHIVE.size)} bytes, sha256 ${NOTMNIST_ARCHIVE.sha256})`,
    `     from ${NOTMNIST_ARCHIVE.url} on a machine with network access;`,
    `  2. then either put it at ${cached} (the cache folder ${cacheDir}) and run this again,`,
    `     or run: npm run data:notmnist -- --archive /path/to/notMNIST_small.tar.gz`,
    `     or set ${ARCHIVE_ENV}=/path/to/notMNIST_small.tar.gz (the tests and the example read it too).`,
    `A mirror of the archive can be given with --url <address>.`,
  ].join('\n');
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
