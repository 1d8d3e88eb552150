import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DIABETES_FEATURES, loadDiabetes } from '../../src/data/index.js';
import '../../src/index.js';

describe('loadDiabetes', () => {
  const { x, y, featureNames } = loadDiabetes();

  it('reads 442 patients × 10 float32 features and a float32 target', () => {
    expect(x.shape).toEqual([442, 10]);
    expect(x.dtype).toBe('float32');
    expect(y.shape).toEqual([442]);
    expect(y.dtype).toBe('float32');
    expect(featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(featureNames).not.toBe(DIABETES_FEATURES); // a copy the caller may change
  });

  it('holds the rows of the files: the first and the last patient', () => {
    const values = x.toArray();
    const first = [59, 2, 32.1, 101.0, 157, 93.2, 38.0, 4.0, 4.8598, 87];
    const last = [36, 1, 19.6, 71.0, 250, 133.2, 97.0, 3.0, 4.5951, 92];
    expect(values.slice(0, 10)).toEqual(first.map(Math.fround));
    expect(values.slice(-10)).toEqual(last.map(Math.fround));
    const targets = y.toArray();
    expect(targets.slice(0, 3)).toEqual([151, 75, 141]);
    expect(Math.min(...targets)).toBe(25);
    expect(Math.max(...targets)).toBe(346);
  });

  it('has finite column means in the known ranges (age ≈ 48.5, sex in {1, 2}, target ≈ 152.1)', () => {
    const means = x.double().mean(0).toArray();
    expect(means.every(Number.isFinite)).toBe(true);
    expect(means[0]).toBeCloseTo(48.518, 2);
    expect(means[2]).toBeCloseTo(26.376, 2);
    expect(new Set(x.toArray().filter((_, i) => i % 10 === 1))).toEqual(new Set([1, 2]));
    expect(y.double().mean().item()).toBeCloseTo(152.133, 2);
  });

  describe('says what is wrong with missing or malformed files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diabetes-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const rows = (n: number, row: string) => Array.from({ length: n }, () => row).join('\n') + '\n';
    const write = (name: string, text: string | Buffer) => writeFileSync(join(dir, name), typeof text === 'string' ? gzipSync(text) : text);

    it('a missing file', () => {
      expect(() => loadDiabetes({ dir })).toThrow(/cannot read .*diabetes_data_raw\.csv\.gz .*ENOENT.*packages\/engine\/data\/diabetes/);
    });

    it('a file that is not gzip', () => {
      write('diabetes_data_raw.csv.gz', Buffer.from('59 2 32.1\n'));
      expect(() => loadDiabetes({ dir })).toThrow(/not a valid gzip file/);
    });

    it('too few lines, a short line, a value that is not a number', () => {
      write('diabetes_target.csv.gz', rows(442, '1.5e+02'));
      write('diabetes_data_raw.csv.gz', rows(441, '1 2 3 4 5 6 7 8 9 10'));
      expect(() => loadDiabetes({ dir })).toThrow(/441 non-empty lines; the diabetes data has 442/);
      write('diabetes_data_raw.csv.gz', rows(441, '1 2 3 4 5 6 7 8 9 10') + '1 2 3\n');
      expect(() => loadDiabetes({ dir })).toThrow(/line 442 has 3 values; expected 10/);
      write('diabetes_data_raw.csv.gz', rows(441, '1 2 3 4 5 6 7 8 9 10') + '1 2 3 4 5 x 7 8 9 10\n');
      expect(() => loadDiabetes({ dir })).toThrow(/line 442, column 6: 'x' is not a finite number/);
    });

    it('reads well-formed files from another folder', () => {
      write('diabetes_data_raw.csv.gz', rows(442, '1 2 3 4 5 6 7 8 9 10'));
      const data = loadDiabetes({ dir });
      expect(data.x.shape).toEqual([442, 10]);
      expect(data.y.toArray()[441]).toBe(150);
    });
  });
});
