import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/**
 * A full scan of /proc (every process on the machine, ~1.3 ms with 65 of them) on every
 * FULL_SCAN_EVERY-th reading; the others follow the tree down from the group's leader (a few
 * files). A member that left the tree but not the group (reparented to init) is thus seen within
 * FULL_SCAN_EVERY readings. Reading every process every 100 ms was ~1.5% of a core per job slot.
 */
const FULL_SCAN_EVERY = 10;

/**
 * Resident memory (bytes) of every process in a sandbox's process group, read from /proc. The
 * sandboxed tree is one group (grade-one is started detached, its leader), so a worker cannot
 * hide from this by allocating outside the V8 heap (typed arrays, WebAssembly memory) where
 * --max-old-space-size does not reach. `read()` returns null where /proc is not available.
 */
export class GroupMemory {
  private readings = 0;

  constructor(private readonly groupId: number) {}

  read(): number | null {
    const full = this.readings++ % FULL_SCAN_EVERY === 0;
    return full ? this.scanAll() : this.walkTree();
  }

  /** Every process whose group is this one. */
  private scanAll(): number | null {
    let names: string[];
    try {
      names = readdirSync('/proc');
    } catch {
      return null;
    }
    let total = 0;
    for (const name of names) {
      if (!/^\d+$/.test(name)) continue;
      const stat = readStat(name);
      if (stat && stat.group === this.groupId) total += stat.rssBytes;
    }
    return total;
  }

  /** The leader and its descendants that are still in the group (children as the kernel lists them for each main thread). */
  private walkTree(): number | null {
    let total = 0;
    const pending = [String(this.groupId)];
    for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
      const stat = readStat(pid);
      // Without its leader the group has no tree to follow; what is left of it is found by a scan.
      if (!stat && pid === String(this.groupId)) return this.scanAll();
      if (!stat || stat.group !== this.groupId) continue;
      total += stat.rssBytes;
      let children: string;
      try {
        children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
      } catch {
        return this.scanAll(); // a kernel without the children file: scan as before
      }
      for (const child of children.split(' ')) if (child.trim()) pending.push(child.trim());
    }
    return total;
  }
}

function readStat(pid: string): { group: number; rssBytes: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { group: Number(fields[2]), rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return null; // the process ended between listing and reading
  }
}
