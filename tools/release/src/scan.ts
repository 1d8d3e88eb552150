import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forbiddenReason } from './manifest.js';

/**
 * The last gate before anything is written: no file that must never ship, and no shipped
 * TypeScript that mentions 'solutions/' (an import of a solution, or a path to one).
 */
export function checkShippedFiles(repoRoot: string, files: readonly string[]): void {
  const problems: string[] = [];
  for (const file of files) {
    const reason = forbiddenReason(file);
    if (reason) problems.push(`${file}: ${reason} must not ship`);
  }
  for (const file of files.filter((f) => /\.(ts|mts|cts|tsx)$/.test(f))) {
    const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.includes('solutions/')) problems.push(`${file}:${i + 1}: mentions 'solutions/': ${line.trim()}`);
    });
  }
  if (problems.length > 0) {
    throw new Error(`release: refusing to write the student repository:\n  ${problems.join('\n  ')}`);
  }
}
