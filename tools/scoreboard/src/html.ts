/**
 * index.html: one static, self-contained page (inline CSS and JS, no network; a Content Security
 * Policy forbids any other script, style, image, font or connection). Rows are rendered here, so the
 * page reads without JS; the script only sorts. Every text is HTML-escaped.
 */
import { createHash } from 'node:crypto';
import { formatPoints, formatStat, type Scoreboard } from './aggregate.js';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { color-scheme: light dark; --line: #8884; --head-solid: #ececec; --accent: #2563eb; }
@media (prefers-color-scheme: dark) { :root { --head-solid: #2a2a2a; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
p.meta { margin: 0 0 1rem; color: GrayText; overflow-wrap: anywhere; }
.table-scroll { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); border-radius: 6px; }
.table-scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; padding: .5rem; font-weight: 600; }
th, td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); white-space: nowrap; text-align: left; background: Canvas; }
td.num, th.num { text-align: right; }
thead th { background: var(--head-solid); }
/* the id column stays in view while the scores scroll sideways */
thead th:first-child, tbody th, tfoot th { position: sticky; left: 0; z-index: 1; box-shadow: inset -1px 0 var(--line); }
tbody th { font-weight: 500; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; }
th button { font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: .15rem .1rem; cursor: pointer; display: inline-flex; gap: .25rem; align-items: baseline; border-radius: 3px; }
th button:hover { text-decoration: underline; }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
th button .arrow::after { content: "↕"; opacity: .4; }
th[aria-sort="ascending"] button .arrow::after { content: "▲"; opacity: 1; }
th[aria-sort="descending"] button .arrow::after { content: "▼"; opacity: 1; }
.max { font-weight: 400; color: GrayText; }
td.full { font-weight: 700; }
td.missing { color: GrayText; }
tfoot td, tfoot th { font-weight: 400; color: GrayText; border-bottom: 0; }
@media (max-width: 600px) { body { padding: .5rem; font-size: 15px; } th, td { padding: .35rem .45rem; } tbody th { max-width: 9rem; } }
`;

/** Sorts tbody rows by the clicked column; numbers by data-sort, text by natural order. */
const SCRIPT = `
(function () {
  var table = document.getElementById('scoreboard');
  var heads = table.tHead.rows[0].cells;
  var body = table.tBodies[0];
  var collator = new Intl.Collator('en', { numeric: true });
  function key(row, col) { var c = row.cells[col]; return c.getAttribute('data-sort'); }
  function sortBy(col, dir) {
    var numeric = heads[col].getAttribute('data-type') === 'number';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col), r;
      if (numeric) {
        var nx = x === '' ? -Infinity : Number(x), ny = y === '' ? -Infinity : Number(y);
        r = nx === ny ? 0 : nx < ny ? -1 : 1;
      } else r = collator.compare(x, y);
      if (r === 0) r = collator.compare(key(a, 0), key(b, 0));
      return dir === 'ascending' ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var i = 0; i < heads.length; i++) {
      if (i === col) heads[i].setAttribute('aria-sort', dir); else heads[i].removeAttribute('aria-sort');
    }
    var status = document.getElementById('sort-status');
    if (status) status.textContent = 'Sorted by ' + heads[col].getAttribute('data-label') + ', ' + dir + '.';
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var current = th.getAttribute('aria-sort');
      var first = th.getAttribute('data-type') === 'number' ? 'descending' : 'ascending';
      var dir = current ? (current === 'ascending' ? 'descending' : 'ascending') : first;
      sortBy(col, dir);
    });
  });
})();
`;

export function toHtml(board: Scoreboard): string {
  const scriptHash = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const head = (label: string, type: 'text' | 'number', maxText: string | null, sortedAs?: 'ascending') =>
    `<th scope="col" class="${type === 'number' ? 'num' : ''}" data-type="${type}" data-label="${escapeHtml(label)}"${sortedAs ? ` aria-sort="${sortedAs}"` : ''}>` +
    `<button type="button">${escapeHtml(label)}${maxText === null ? '' : ` <span class="max">/${escapeHtml(maxText)}</span>`}<span class="arrow" aria-hidden="true"></span></button></th>`;

  const headers = [
    head('id', 'text', null, 'ascending'),
    ...board.exercises.map((e) => head(e.name, 'number', formatPoints(e.max))),
    head('total', 'number', formatPoints(board.maxTotal)),
  ].join('');

  const rows = board.students.map((s) => {
    const cells = board.exercises.map((e) => {
      const cell = s.exercises[e.name];
      if (!cell) return '<td class="num missing" data-sort="" title="no result">–</td>';
      const full = cell.score >= e.max ? ' full' : '';
      return `<td class="num${full}" data-sort="${formatPoints(cell.score)}">${formatPoints(cell.score)}</td>`;
    });
    return `<tr><th scope="row" data-sort="${escapeHtml(s.id)}" title="${escapeHtml(s.id)}">${escapeHtml(s.id)}</th>${cells.join('')}<td class="num" data-sort="${formatPoints(s.total)}">${formatPoints(s.total)}</td></tr>`;
  });

  const stat = formatStat;
  const foot = (label: string, value: (e: Scoreboard['exercises'][number]) => string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${board.exercises.map((e) => `<td class="num">${escapeHtml(value(e))}</td>`).join('')}<td></td></tr>`;

  const title = escapeHtml(board.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p class="meta">${board.students.length} students · ${board.exercises.length} exercises · ${formatPoints(board.maxTotal)} points${board.pseudonymous ? ' · ids are pseudonyms' : ''}. Select a column heading to sort.</p>
<div class="table-scroll" role="region" aria-label="${title}: scores" tabindex="0">
<table id="scoreboard">
<thead><tr>${headers}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot>
${foot('mean', (e) => stat(e.mean))}
${foot('median', (e) => stat(e.median))}
${foot('full marks', (e) => `${e.fullMarks}/${e.submitted}`)}
</tfoot>
</table>
</div>
<p id="sort-status" class="meta" role="status" aria-live="polite"></p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
