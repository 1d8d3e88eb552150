import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HeldOutJudge } from '@dlcourse/grading/runner';
import { gradeOneBundle } from '../src/sandbox/grade-one-bundle.js';
import { heldOut as sourceJudge } from '../../../graders/exercise-5/held-out.js';

describe('grade-one and the held-out judges, built for Node', () => {
  it('is built once per source version and reused', async () => {
    const first = await gradeOneBundle();
    expect(await gradeOneBundle()).toEqual(first);
    expect(first.entry).toMatch(/grade-one\.mjs$/);
    for (const file of [first.entry, ...Object.values(first.judges)]) expect(existsSync(file)).toBe(true);
  });

  it("holds every grader's judge, loadable natively, deciding the same items as its source", async () => {
    const { judges } = await gradeOneBundle();
    expect(Object.keys(judges)).toEqual(['exercise-5']);
    const { heldOut } = (await import(pathToFileURL(judges['exercise-5']!).href)) as { heldOut: HeldOutJudge };
    expect(heldOut.items).toEqual(sourceJudge.items);
    // an item it does not judge: the built judge refuses it as the source does
    const refusal = heldOut.judge('readImages', undefined, '/nonexistent');
    expect(refusal?.message).toMatch(/readImages is not an item judged/);
    expect(refusal?.message).toBe(sourceJudge.judge('readImages', undefined, '/nonexistent')?.message);
  });
});
