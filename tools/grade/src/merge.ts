import { cp, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readMeta } from './results-store.js';
import { writeScoreboard } from './scoreboard-outputs.js';

export interface MergeSummary {
  submissions: number;
  versions: string[];
  outputs: string[];
}

/**
 * Joins the outputs of a sharded run (each shard's --out) into one folder and writes the
 * scoreboard over all of them. A student present in two shards must have the same graded
 * content there; a mix of grader versions is allowed but reported, since scores may then differ.
 */
export interface MergeOptions {
  title?: string;
  /** Also write a scoreboard with pseudonyms (HMAC with this salt) here, for a public page. */
  site?: { dir: string; salt: string };
}

export async function mergeShards(shardDirs: string[], outDir: string, options: MergeOptions = {}): Promise<MergeSummary> {
  if (shardDirs.length === 0) throw new Error('merge: name the shard output folders, e.g. `npm run grade -- merge --out all shard-1 shard-2`.');
  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  const seen = new Map<string, { hash: string; from: string }>();
  const versions = new Set<string>();
  for (const dir of shardDirs.map((d) => resolve(d))) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      throw new Error(`merge: ${dir} is not a readable folder (expected a shard's --out folder).`);
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const meta = await readMeta(join(dir, entry.name));
      if (!meta) continue; // not a graded submission (incomplete, or something else)
      const earlier = seen.get(meta.id);
      if (earlier && earlier.hash !== meta.contentHash) {
        throw new Error(`merge: '${meta.id}' was graded in ${earlier.from} and in ${dir} with different content; grade it again in one shard.`);
      }
      seen.set(meta.id, { hash: meta.contentHash, from: dir });
      versions.add(meta.graderVersion);
      if (dir !== out) await cp(join(dir, entry.name), join(out, entry.name), { recursive: true, force: true });
    }
  }
  const outputs = await writeScoreboard(out, { title: options.title });
  if (options.site) outputs.push(...(await writeScoreboard(out, { title: options.title, salt: options.site.salt, to: options.site.dir })));
  return { submissions: seen.size, versions: [...versions], outputs };
}
