import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/aggregate.js';
import { csvField, neutralizeFormula, toCsv } from '../src/csv.js';
import { rec } from './helpers.js';

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('neutralizes spreadsheet formulas in text cells', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralizeFormula('+1')).toBe(`'+1`);
    expect(neutralizeFormula('@sum')).toBe(`'@sum`);
    expect(neutralizeFormula('s-1')).toBe('s-1');
  });

  it('writes a header id,<exercises>,total, one row per student, empty cells for missing results, CRLF', () => {
    const board = aggregate([
      rec('s0999, jr', 'exercise-1', 8, 10),
      rec('s0999, jr', 'exercise-10', 12.25, 20),
      rec('ann "the" one', 'exercise-10', 20, 20),
      rec('=cmd|x', 'exercise-1', 0, 10),
    ]);
    expect(toCsv(board)).toBe(
      'id,exercise-1,exercise-10,total\r\n' +
        `'=cmd|x,0,,0\r\n` +
        '"ann ""the"" one",,20,20\r\n' +
        '"s0999, jr",8,12.25,20.25\r\n',
    );
  });
});
