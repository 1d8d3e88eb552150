import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory (bytes) of every process in a process group, read from /proc. The sandboxed
 * tree is one group (grade-one is started detached), so a worker cannot hide from this by
 * allocating outside the V8 heap (typed arrays, WebAssembly memory) where --max-old-space-size
 * does not reach. Returns null where /proc is not available.
 */
export function groupResidentBytes(groupId: number): number | null {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  let total = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== groupId) continue;
      total += Number(fields[21]) * PAGE_BYTES; // rss, in pages
    } catch {
      // the process ended between readdir and read
    }
  }
  return total;
}

const PAGE_BYTES = 4096;
