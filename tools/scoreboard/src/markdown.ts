/** scoreboard.md: a GitHub-flavoured Markdown table of the scoreboard plus per-exercise statistics. */
import { formatPoints, formatStat, type Scoreboard } from './aggregate.js';

/**
 * Text safe inside a Markdown table cell: no line breaks; `|` and the inline Markdown punctuation
 * (\\ ` * _ [ ] ~) escaped with a backslash; `<`, `>` and `&` as entities, so no raw HTML reaches a
 * renderer. Block-level marks (#, -, +, 1.) mean nothing inside a cell and stay as they are, except
 * in the heading, escaped with `mdEscapeHeading`.
 */
export function mdEscape(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** As mdEscape, for the heading's text: `#` escaped too (a trailing `#` would close the heading). */
export function mdEscapeHeading(text: string): string {
  return mdEscape(text).replace(/#/g, '\\#');
}

const stat = formatStat;

export function toMarkdown(board: Scoreboard): string {
  const out: string[] = [`# ${mdEscapeHeading(board.title)}`, ''];
  out.push(`${board.students.length} students, ${board.exercises.length} exercises, ${formatPoints(board.maxTotal)} points in all.${board.pseudonymous ? ' Ids are pseudonyms.' : ''}`, '');
  const header = ['id', ...board.exercises.map((e) => `${mdEscape(e.name)} (${formatPoints(e.max)})`), `total (${formatPoints(board.maxTotal)})`];
  out.push(row(header), row(['---', ...header.slice(1).map(() => '---:')]));
  for (const s of board.students) {
    out.push(row([mdEscape(s.id), ...board.exercises.map((e) => {
      const cell = s.exercises[e.name];
      return cell ? formatPoints(cell.score) : '–';
    }), formatPoints(s.total)]));
  }
  out.push('', '## Exercises', '');
  out.push(row(['exercise', 'max', 'submitted', 'mean', 'median', 'full marks']), row(['---', '---:', '---:', '---:', '---:', '---:']));
  for (const e of board.exercises) {
    out.push(row([mdEscape(e.name), formatPoints(e.max), String(e.submitted), stat(e.mean), stat(e.median), String(e.fullMarks)]));
  }
  return out.join('\n') + '\n';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}
