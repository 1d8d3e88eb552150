import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, graderDir, hasHiddenSuites, loadRubric } from '../src/run/index.js';
import { itemSuites } from '../src/run/item-suites.js';

const exercises = readdirSync(join(REPO_ROOT, 'graders')).filter((e) => existsSync(join(graderDir(e), 'rubric.ts')));

describe('itemSuites: the one suite file that declares each rubric item', () => {
  it('finds the graders', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(6);
  });

  it.each(exercises)('%s: every rubric item is named in exactly one suite, public or hidden as the rubric says', async (exercise) => {
    const rubric = await loadRubric(exercise);
    const suites = itemSuites(exercise);
    for (const item of Object.values(rubric.items)) {
      if (item.hidden && !hasHiddenSuites(graderDir(exercise))) continue;
      const file = suites.get(item.key);
      expect(file, `${exercise}: rubric item ${item.key} must be named (items.${item.key}) in exactly one suite file`).toBeDefined();
      expect(file!.startsWith(join(graderDir(exercise), item.hidden ? 'hidden' : 'public')), `${item.key} is in ${file}`).toBe(true);
    }
  });
});
