import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type SubmissionKind = 'folder' | 'zip' | 'tar.gz';

export interface Submission {
  /** The file or folder name without its archive extension: the student's id in every output. */
  id: string;
  path: string;
  kind: SubmissionKind;
}

const ARCHIVE_SUFFIXES: [string, SubmissionKind][] = [
  ['.tar.gz', 'tar.gz'],
  ['.tgz', 'tar.gz'],
  ['.zip', 'zip'],
];
/** Ids become folder names and CSV cells: keep them plain. */
const ID_PATTERN = /^[\w.@+-]+$/;

/**
 * The submissions in a folder: each sub-folder, .zip, .tar.gz or .tgz is one student's work,
 * sorted by id (so every shard of a sharded run sees the same order). Hidden entries are skipped;
 * other files are reported back so the run can say what it ignored.
 */
export function discoverSubmissions(dir: string): { submissions: Submission[]; ignored: string[] } {
  const root = resolve(dir);
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    throw new Error(`--submissions ${dir}: not a readable folder. Point it at the folder that holds one folder, .zip or .tar.gz per student.`);
  }
  const submissions: Submission[] = [];
  const ignored: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(root, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
    const archive = ARCHIVE_SUFFIXES.find(([suffix]) => entry.name.toLowerCase().endsWith(suffix));
    if (isDir) submissions.push({ id: entry.name, path, kind: 'folder' });
    else if (archive && entry.isFile()) submissions.push({ id: entry.name.slice(0, -archive[0].length), path, kind: archive[1] });
    else ignored.push(entry.name);
  }
  const bad = submissions.filter((s) => !ID_PATTERN.test(s.id));
  if (bad.length) throw new Error(`Submission names may hold only letters, digits and . _ - @ +: rename ${bad.map((s) => `'${s.id}'`).join(', ')}.`);
  submissions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < submissions.length; i++) {
    if (submissions[i].id === submissions[i - 1].id) throw new Error(`Two submissions are named '${submissions[i].id}' (${submissions[i - 1].path} and ${submissions[i].path}); keep one.`);
  }
  return { submissions, ignored };
}

export interface Shard {
  /** 1-based, as vitest and playwright number shards. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/8 (a Kubernetes Indexed Job passes $((JOB_COMPLETION_INDEX + 1))/n).`);
  }
  return { index, count };
}

/** Round-robin over the sorted ids, so shards get similar mixes of large and small work. */
export function selectShard<T>(items: T[], shard: Shard | undefined): T[] {
  if (!shard) return items;
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
