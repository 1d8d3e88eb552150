import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/aggregate.js';
import { mdEscape, mdEscapeHeading, toMarkdown } from '../src/markdown.js';
import { rec } from './helpers.js';

describe('Markdown', () => {
  it('escapes pipes, inline marks, HTML and line breaks in cells', () => {
    expect(mdEscape('a|b')).toBe('a\\|b');
    expect(mdEscape('*x* _y_ `z` [l](u) ~~s~~ \\')).toBe('\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~\\~s\\~\\~ \\\\');
    expect(mdEscape('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mdEscape('a & b')).toBe('a &amp; b');
    expect(mdEscape('two\nlines')).toBe('two lines');
    expect(mdEscapeHeading('Week #3 #')).toBe('Week \\#3 \\#');
  });

  it('writes the table with max points in the header and an exercise statistics table', () => {
    const board = aggregate([rec('a|b', 'exercise-1', 10, 10), rec('c', 'exercise-1', 4, 10), rec('c', 'exercise-2', 2.5, 5)], { title: 'Week <1>' });
    expect(toMarkdown(board)).toBe(
      [
        '# Week &lt;1&gt;',
        '',
        '2 students, 2 exercises, 15 points in all.',
        '',
        '| id | exercise-1 (10) | exercise-2 (5) | total (15) |',
        '| --- | ---: | ---: | ---: |',
        '| a\\|b | 10 | – | 10 |',
        '| c | 4 | 2.5 | 6.5 |',
        '',
        '## Exercises',
        '',
        '| exercise | max | submitted | mean | median | full marks |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        '| exercise-1 | 10 | 2 | 7 | 7 | 1 |',
        '| exercise-2 | 5 | 1 | 2.5 | 2.5 | 0 |',
        '',
      ].join('\n'),
    );
  });

  it('every table row has the same number of cells, whatever the ids hold', () => {
    const board = aggregate([rec('x|y|z', 'e', 1, 1), rec('p\\|q', 'e', 0, 1)]);
    const rows = toMarkdown(board).split('\n').filter((l) => l.startsWith('| ') && !l.includes('exercise'));
    const unescapedPipes = (l: string) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    expect(new Set(rows.slice(0, 4).map(unescapedPipes)).size).toBe(1);
  });
});
