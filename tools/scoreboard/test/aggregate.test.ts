import { describe, expect, it } from 'vitest';
import { aggregate, formatPoints, median, naturalCompare } from '../src/aggregate.js';
import { rec } from './helpers.js';

describe('aggregate', () => {
  const records = [
    rec('bob', 'exercise-10', 20, 20),
    rec('bob', 'exercise-2', 3, 10),
    rec('alice', 'exercise-2', 10, 10),
    rec('alice', 'exercise-1', 0.1, 5),
    rec('alice', 'exercise-10', 0.2, 20),
    rec('carol', 'exercise-2', 7, 10),
  ];
  const board = aggregate(records, { title: 'T' });

  it('orders exercises naturally and students by id', () => {
    expect(board.exercises.map((e) => e.name)).toEqual(['exercise-1', 'exercise-2', 'exercise-10']);
    expect(board.students.map((s) => s.id)).toEqual(['alice', 'bob', 'carol']);
  });

  it('sums totals (missing counts 0) without binary noise, and keeps missing cells null', () => {
    const alice = board.students[0];
    expect(alice.total).toBe(10.3);
    const bob = board.students[1];
    expect(bob.exercises['exercise-1']).toBeNull();
    expect(bob.exercises['exercise-10']).toEqual({ score: 20, max: 20 });
    expect(bob.total).toBe(23);
    expect(board.maxTotal).toBe(35);
  });

  it('computes max, submitted, mean, median and full marks over the submitted results', () => {
    const e2 = board.exercises[1];
    expect(e2).toEqual({ name: 'exercise-2', max: 10, submitted: 3, mean: 6.666667, median: 7, fullMarks: 1 });
    const e1 = board.exercises[0];
    expect(e1).toMatchObject({ max: 5, submitted: 1, mean: 0.1, median: 0.1, fullMarks: 0 });
    expect(board.exercises[2]).toMatchObject({ submitted: 2, mean: 10.1, median: 10.1, fullMarks: 1 });
  });

  it('warns when max_score differs between students and uses the larger', () => {
    const b = aggregate([rec('a', 'e', 5, 10), rec('b', 'e', 12, 12)]);
    expect(b.exercises[0].max).toBe(12);
    expect(b.warnings.join('\n')).toMatch(/max_score differs/);
  });

  it('maps ids through displayId and refuses two students shown as one', () => {
    const b = aggregate([rec('a', 'e', 1, 1), rec('b', 'e', 1, 1)], { displayId: (id) => id.toUpperCase(), pseudonymous: true });
    expect(b.students.map((s) => s.id)).toEqual(['A', 'B']);
    expect(b.pseudonymous).toBe(true);
    expect(() => aggregate([rec('a', 'e', 1, 1), rec('b', 'e', 1, 1)], { displayId: () => 'same' })).toThrow(/both be shown as "same"/);
  });

  it('median and number formatting', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(formatPoints(0.1 + 0.2)).toBe('0.3');
    expect(formatPoints(-0)).toBe('0');
    expect(formatPoints(1e-9)).toBe('0');
    expect(naturalCompare('exercise-2', 'exercise-10')).toBeLessThan(0);
  });
});
