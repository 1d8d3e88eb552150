/**
 * grades.csv for an LMS import: one header row `id,<exercise…>,total`, then one row per student.
 * Points only (max points are in scoreboard.json/.md/.html: an extra "max" row would be imported
 * as a student by most LMS importers). A missing result is an empty cell. RFC 4180 quoting, CRLF.
 */
import { formatPoints, type Scoreboard } from './aggregate.js';

/** Quotes a field when it holds a comma, quote, CR or LF (or leading/trailing space); doubles quotes. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell that a spreadsheet would take for a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP's advice against CSV injection). Numbers are never text cells.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(board: Scoreboard): string {
  const header = ['id', ...board.exercises.map((e) => e.name), 'total'];
  const lines = [header.map((h) => csvField(neutralizeFormula(h)))];
  for (const s of board.students) {
    lines.push([
      csvField(neutralizeFormula(s.id)),
      ...board.exercises.map((e) => {
        const cell = s.exercises[e.name];
        return cell ? formatPoints(cell.score) : '';
      }),
      formatPoints(s.total),
    ]);
  }
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
