import { describe, expect, it } from 'vitest';
import { tensor } from '@dlcourse/engine';
import { expectClose, expectGradient, GradingFailure, numericGradient, numericVjp, relativeError, TOLERANCES, defineRubric } from '../src/index.js';
import { explainFailure } from '../src/graded-test.js';
import { NotImplementedError } from '../src/not-implemented.js';

const t64 = (v: number[], shape?: number[]) => tensor(v, { dtype: 'float64', shape });

describe('expectClose', () => {
  it('passes values within the tolerance', () => {
    expect(() => expectClose(t64([1, 2]), t64([1 + 1e-12, 2]), { fn: 'f', tolerance: TOLERANCES.float64 })).not.toThrow();
  });

  it('names the worst element with its index, expected and got', () => {
    const attempt = () => expectClose(t64([1, 2, 3, 4], [2, 2]), t64([1, 2, 3, 5], [2, 2]), { fn: 'f', inputs: { x: 1 }, tolerance: TOLERANCES.float64 });
    expect(attempt).toThrow(GradingFailure);
    expect(attempt).toThrow(/worst element at index \[1, 1\]: expected 5, got 4/);
    expect(attempt).toThrow(/input: {4}x = 1/);
  });

  it('reports a wrong shape before any value', () => {
    expect(() => expectClose(t64([1, 2, 3, 4], [4, 1]), t64([1, 2, 3, 4], [4]), { fn: 'f', tolerance: TOLERANCES.float64 })).toThrow(
      /has shape \[4, 1\] but should have shape \[4\]/,
    );
  });

  it('reports a wrong kind of value', () => {
    expect(() => expectClose([1, 2], t64([1, 2]), { fn: 'f', tolerance: TOLERANCES.float64 })).toThrow(/should be a Tensor, but it is an array/);
    expect(() => expectClose(t64([1]), 1, { fn: 'f', tolerance: TOLERANCES.float64 })).toThrow(/should be a number, but it is a Tensor \(use \.item\(\)\)/);
  });

  it('treats NaN where a number is expected as wrong', () => {
    expect(() => expectClose(t64([NaN]), t64([0]), { fn: 'f', tolerance: TOLERANCES.float64 })).toThrow(/got NaN/);
  });
});

describe('gradient checking', () => {
  it('relativeError is CS231n’s formula', () => {
    expect(relativeError(1, 1)).toBe(0);
    expect(relativeError(1, 1.1)).toBeCloseTo(0.1 / 2.1, 12);
    expect(relativeError(0, 1e-12)).toBeCloseTo(1e-12 / TOLERANCES.gradcheck.floor, 12);
  });

  it('numericGradient matches a known derivative to ~1e-9', () => {
    const x = t64([0.3, -1.2, 2]);
    const g = numericGradient((v) => v.pow(3).sum().item(), x);
    [0.3, -1.2, 2].forEach((v, i) => expect(g[i]).toBeCloseTo(3 * v * v, 8));
  });

  it('numericVjp weights the outputs by the upstream gradient', () => {
    const x = t64([0.5, 1.5]);
    const up = t64([2, -1]);
    const g = numericVjp((v) => v.exp(), x, up);
    expect(g[0]).toBeCloseTo(2 * Math.exp(0.5), 7);
    expect(g[1]).toBeCloseTo(-Math.exp(1.5), 7);
  });

  it('expectGradient accepts a right gradient and rejects a wrong one', () => {
    const x = t64([0.5, 1.5]);
    const numeric = numericGradient((v) => v.square().sum().item(), x);
    expect(() => expectGradient(x.mul(2), numeric, x.shape, { fn: 'g', what: 'dX' })).not.toThrow();
    expect(() => expectGradient(x, numeric, x.shape, { fn: 'g', what: 'dX' })).toThrow(/does not match the numerical gradient/);
    expect(() => expectGradient(x.reshape(2, 1), numeric, x.shape, { fn: 'g', what: 'dX' })).toThrow(/has shape \[2, 1\]/);
  });
});

describe('rubric and failure messages', () => {
  const rubric = defineRubric({
    exercise: 'exercise-9',
    title: { en: 'T', ru: 'Т' },
    items: { a: { points: 2, fn: 'a', file: 'src/a.ts', title: { en: 'a', ru: 'а' }, hint: { en: 'see §1', ru: 'см. §1' } }, b: { points: 3, fn: 'b', file: 'src/b.ts', title: { en: 'b', ru: 'б' }, hint: { en: '§2', ru: '§2' } } },
  });

  it('knows the total before anything runs', () => {
    expect(rubric.maxScore).toBe(5);
    expect(rubric.items.a.key).toBe('a');
  });

  it('refuses items without positive points', () => {
    expect(() => defineRubric({ exercise: 'x', title: { en: '', ru: '' }, items: { z: { points: 0, fn: 'z', file: 'f', title: { en: '', ru: '' }, hint: { en: '', ru: '' } } } })).toThrow(/positive points/);
  });

  it('turns a stub’s NotImplementedError into where to write the function', () => {
    const e = explainFailure(new NotImplementedError('a'), rubric.items.a, 1000);
    expect(e.name).toBe('NotImplemented');
    expect(e.message).toBe('a is not implemented yet: write it in src/a.ts.');
    // no frames: vitest maps every frame of every failed test through source maps, and a stub
    // submission fails every item (this cost ~0.6 s per stub in batch grading)
    expect(e.stack).toBe('NotImplemented: a is not implemented yet: write it in src/a.ts.');
  });

  it('keeps the stack of a student’s own exception (where in their code it failed)', () => {
    const thrown = new TypeError('x.mul is not a function');
    expect(explainFailure(thrown, rubric.items.a, 1000).stack).toBe(thrown.stack);
  });

  it('adds the rubric hint to any other failure', () => {
    const e = explainFailure(new TypeError('x.mul is not a function'), rubric.items.a, 1000);
    expect(e.message).toMatch(/^a failed: x\.mul is not a function\n {2}hint: see §1$/);
  });
});
