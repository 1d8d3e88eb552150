import { describe, expect, it } from 'vitest';
import { LabelEncoder } from '../../src/data/index.js';

describe('LabelEncoder', () => {
  it('learns the sorted distinct labels and encodes them as their index', () => {
    const enc = new LabelEncoder().fit(['paris', 'paris', 'tokyo', 'amsterdam']);
    expect(enc.classes).toEqual(['amsterdam', 'paris', 'tokyo']);
    expect(enc.transform(['tokyo', 'tokyo', 'paris'])).toEqual(Int32Array.from([2, 2, 1]));
    expect(enc.inverseTransform([2, 2, 1])).toEqual(['tokyo', 'tokyo', 'paris']);
    expect(enc.inverseTransform(Int32Array.from([0]))).toEqual(['amsterdam']);
  });

  it('fitTransform is fit then transform, and round-trips', () => {
    const labels = ['J', 'A', 'C', 'A', 'B'];
    const enc = new LabelEncoder();
    const codes = enc.fitTransform(labels);
    expect(codes).toBeInstanceOf(Int32Array);
    expect(Array.from(codes)).toEqual([3, 0, 2, 0, 1]);
    expect(enc.inverseTransform(codes)).toEqual(labels);
  });

  it('sorts by code unit, as NumPy does, not by locale', () => {
    expect(new LabelEncoder().fit(['b', 'B', 'a', 'A']).classes).toEqual(['A', 'B', 'a', 'b']);
  });

  it('names an unknown label and the known classes', () => {
    const enc = new LabelEncoder().fit(['A', 'B']);
    expect(() => enc.transform(['A', 'K'])).toThrow(/unknown label "K".*known classes: \["A", "B"\]/);
  });

  it('rejects codes that are not class indices', () => {
    const enc = new LabelEncoder().fit(['A', 'B']);
    expect(() => enc.inverseTransform([2])).toThrow(/code 2 .*0 … 1/);
    expect(() => enc.inverseTransform([-1])).toThrow(/code -1/);
    expect(() => enc.inverseTransform([0.5])).toThrow(/code 0.5/);
  });

  it('asks for fit first', () => {
    expect(() => new LabelEncoder().transform(['A'])).toThrow(/call fit\(labels\) first/);
    expect(() => new LabelEncoder().classes).toThrow(/call fit\(labels\) first/);
  });

  it('refits from scratch', () => {
    const enc = new LabelEncoder().fit(['x', 'y']);
    enc.fit(['z']);
    expect(enc.classes).toEqual(['z']);
    expect(() => enc.transform(['x'])).toThrow(/unknown label "x"/);
  });
});
