import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import yauzl from 'yauzl';
import { MAX_EXTRACTED_BYTES, MAX_EXTRACTED_FILES } from './limits.js';
import type { Submission } from './submissions.js';

/** Folders a student's repository may hold that grading never needs (and that can be huge). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

/** Counts what has been written so far and refuses to go past the limits. */
class Budget {
  files = 0;
  bytes = 0;
  /** Entries left out on purpose (symbolic links, devices), for the log. */
  readonly skipped: string[] = [];
  add(path: string, bytes: number): void {
    this.files += 1;
    this.bytes += bytes;
    if (this.files > MAX_EXTRACTED_FILES) throw new ExtractionError(`more than ${MAX_EXTRACTED_FILES} files (at ${path}); submit only your exercises/ folder.`);
    if (this.bytes > MAX_EXTRACTED_BYTES) throw new ExtractionError(`more than ${MAX_EXTRACTED_BYTES / 1024 / 1024} MB unpacked (at ${path}); submit only your exercises/ folder.`);
  }
}

/**
 * Copies or unpacks a submission into dest, which the sandbox may read. Only plain files and
 * folders arrive: symbolic and hard links are left out (the permission model follows links, so a
 * link could point at the solutions), paths that climb out of dest are refused, and size and
 * file-count limits stop archive bombs. Returns the entries that were left out.
 */
export async function extractSubmission(submission: Submission, dest: string): Promise<string[]> {
  await mkdir(dest, { recursive: true });
  const budget = new Budget();
  try {
    if (submission.kind === 'folder') await copyTree(submission.path, dest, '', budget);
    else if (submission.kind === 'tar.gz') await extractTar(submission.path, dest, budget);
    else await extractZip(submission.path, dest, budget);
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError(`could not unpack ${basename(submission.path)}: ${(error as Error).message}`);
  }
  return budget.skipped;
}

async function copyTree(from: string, to: string, relative: string, budget: Budget): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const rel = join(relative, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await copyTree(join(from, entry.name), join(to, entry.name), rel, budget);
    } else if (entry.isFile()) {
      budget.add(rel, (await stat(join(from, entry.name))).size);
      await copyFile(join(from, entry.name), join(to, entry.name));
    } else {
      budget.skipped.push(rel);
    }
  }
}

function isSkipped(path: string): boolean {
  return path.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part));
}

async function extractTar(file: string, dest: string, budget: Budget): Promise<void> {
  let failure: Error | undefined;
  await tar.x({
    file,
    cwd: dest,
    strict: true,
    // tar refuses absolute paths and '..' by itself; links and devices are filtered out here.
    filter: (path, entry) => {
      if (failure) return false;
      const type = 'type' in entry ? entry.type : 'File';
      if (type === 'Directory') return !isSkipped(path);
      if (type !== 'File' && type !== 'OldFile' && type !== 'ContiguousFile') {
        budget.skipped.push(path);
        return false;
      }
      if (isSkipped(path)) return false;
      try {
        budget.add(path, 'size' in entry ? (entry.size ?? 0) : 0);
      } catch (error) {
        failure = error as Error;
        return false;
      }
      return true;
    },
  });
  if (failure) throw failure;
}

function extractZip(file: string, dest: string, budget: Budget): Promise<void> {
  return new Promise((resolve, reject) => {
    // yauzl rejects absolute names and '..' itself (validateFileName), and checks sizes.
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error('unreadable zip'));
      const fail = (error: Error) => {
        zip.close();
        reject(error);
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        const target = normalize(join(dest, name));
        if (!target.startsWith(dest + sep) && target !== dest) return fail(new ExtractionError(`the entry '${name}' points outside the submission.`));
        if (isSkipped(name)) return zip.readEntry();
        if (name.endsWith('/')) {
          mkdir(target, { recursive: true }).then(() => zip.readEntry(), fail);
          return;
        }
        if (mode !== 0 && mode !== 0o100000) {
          budget.skipped.push(name); // a symbolic link or a device
          return zip.readEntry();
        }
        try {
          budget.add(name, entry.uncompressedSize);
        } catch (error) {
          return fail(error as Error);
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(streamError ?? new Error(`cannot read ${name}`));
          mkdir(dirname(target), { recursive: true })
            .then(() => pipeline(stream, createWriteStream(target, { mode: 0o644 })))
            .then(() => zip.readEntry(), fail);
        });
      });
      zip.readEntry();
    });
  });
}
