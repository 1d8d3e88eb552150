import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradescopeResults } from '@dlcourse/grading/runner';

export function readResults(out: string, id: string, exercise?: string): GradescopeResults {
  const file = exercise ? join(out, id, exercise, 'results.json') : join(out, id, 'results.json');
  return JSON.parse(readFileSync(file, 'utf8')) as GradescopeResults;
}
