import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { graderDir } from './paths.js';

/**
 * Which suite file of a grader declares each rubric item: the one whose source names
 * `items.<key>` (graders write `graded(items.reluForward, …)`, or a helper taking the item; a
 * test in the grading kit checks that each item is named in exactly one suite). Batch grading
 * counts a pass only from the test in that file, so a submission that declares a test of its
 * own for an item, in another file, earns nothing by it (see seal.ts). Items named in no suite
 * or in several are left out, and so can never pass in batch grading.
 */
export function itemSuites(exercise: string): Map<string, string> {
  const files = new Map<string, Set<string>>();
  for (const dir of ['public', 'hidden']) {
    let entries: string[];
    try {
      entries = readdirSync(join(graderDir(exercise), dir), { recursive: true }).map(String);
    } catch {
      continue; // no hidden suites in the students' copy
    }
    for (const entry of entries.filter((e) => e.endsWith('.test.ts'))) {
      const file = join(graderDir(exercise), dir, entry);
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bitems\.(\w+)\b/g)) {
        if (!files.has(key!)) files.set(key!, new Set());
        files.get(key!)!.add(file);
      }
    }
  }
  return new Map([...files].flatMap(([key, where]) => (where.size === 1 ? [[key, [...where][0]!] as [string, string]] : [])));
}
