import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { progressBar } from '@dlcourse/engine';
import { mismatch, type FileCheck } from './checksum.js';
import { formatBytes, formatCount } from './notmnist-archive.js';

/** Why a download failed: the server could not be reached or answered an error, or the bytes are wrong. */
export type DownloadFailure = 'unreachable' | 'http' | 'stalled' | 'interrupted' | 'mismatch';

export class DownloadError extends Error {
  constructor(
    readonly failure: DownloadFailure,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  url: string;
  /** The final path; the bytes go to a temp file beside it and are renamed only when they check out. */
  dest: string;
  expected: FileCheck;
  /** Give up when no byte arrives for this long (default 60 s). */
  stallTimeoutMs?: number;
  /** Progress output (default process.stdout); a live bar only on a TTY outside CI. */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Force quiet progress lines (true) or the live bar (false). */
  quietProgress?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Downloads `url` to `dest`: streams it into a temp file beside `dest` while hashing it, with a
 * progress bar (a line every ~10% when not on a TTY or under CI), checks the size and sha256, and
 * renames it into place. On any failure the temp file is deleted and nothing is left at `dest`.
 */
export async function download(options: DownloadOptions): Promise<void> {
  const { url, dest, expected } = options;
  const stallMs = options.stallTimeoutMs ?? 60_000;
  const controller = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const armTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  armTimer();
  let temp: string | null = null;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      if (stalled) throw new DownloadError('stalled', url, `no answer from ${url} within ${stallMs / 1000} s`);
      throw new DownloadError('unreachable', url, `cannot reach ${url} (${describeFetchError(error)})`);
    }
    if (!response.ok || response.body === null) {
      controller.abort();
      throw new DownloadError('http', url, `${url} answered HTTP ${response.status} ${response.statusText}`.trim());
    }
    const announced = response.headers.get('content-length');
    if (announced !== null && Number(announced) !== expected.size) {
      controller.abort();
      throw new DownloadError(
        'mismatch',
        url,
        `${url} announces ${formatCount(Number(announced))} bytes, but the course's archive has ${formatCount(expected.size)}: not downloading it`,
      );
    }

    await mkdir(dirname(dest), { recursive: true });
    temp = `${dest}.${process.pid}-${randomBytes(4).toString('hex')}.download`;
    const file = await open(temp, 'wx');
    const hash = createHash('sha256');
    let received = 0;
    const bar = progressBar({
      total: expected.size,
      label: 'download',
      formatValue: formatBytes,
      stream: options.progressStream,
      quiet: options.quietProgress,
      env: options.env,
    });
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        armTimer();
        received += chunk.length;
        if (received > expected.size) {
          controller.abort();
          throw new DownloadError('mismatch', url, `${url} sent more than the ${formatCount(expected.size)} bytes of the course's archive`);
        }
        hash.update(chunk);
        await file.write(chunk);
        bar.update(received);
      }
      await file.sync();
    } catch (error) {
      if (error instanceof DownloadError) throw error;
      if (stalled) throw new DownloadError('stalled', url, `the download from ${url} stalled (no data for ${stallMs / 1000} s) after ${formatCount(received)} bytes`);
      throw new DownloadError('interrupted', url, `the download from ${url} broke off after ${formatCount(received)} bytes (${describeFetchError(error)})`);
    } finally {
      bar.stop();
      await file.close();
    }
    const why = mismatch({ size: received, sha256: hash.digest('hex') }, expected);
    if (why !== null) throw new DownloadError('mismatch', url, `what ${url} sent is not the course's archive: ${why}`);
    await rename(temp, dest);
    temp = null;
  } finally {
    clearTimeout(timer);
    if (temp !== null) await rm(temp, { force: true });
  }
}

/** fetch's "fetch failed" hides the reason in `cause`: e.g. "connect ECONNREFUSED 127.0.0.1:9". */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const errors = (cause as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors[0] instanceof Error) return errors.map((e: Error) => e.message).join('; ');
    return cause.message || (cause as { code?: string }).code || error.message;
  }
  return error.message;
}
