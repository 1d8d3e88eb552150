import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/aggregate.js';
import { escapeHtml, toHtml } from '../src/html.js';
import { rec } from './helpers.js';

describe('HTML', () => {
  it('escapes &, <, >, quotes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  const evil = '<script>window.__pwned=1</script>';
  const attr = '" onmouseover="window.__pwned=1';
  const board = aggregate([rec(evil, 'e<b>1</b>', 1, 2), rec(attr, 'e<b>1</b>', 2, 2)], { title: '</title><script>x()</script>' });
  const html = toHtml(board);

  it('never lets an id, an exercise name or the title become markup', () => {
    expect(html).not.toContain(evil);
    expect(html).not.toContain('<b>1</b>');
    expect(html).not.toContain('</title><script>');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).not.toContain('" onmouseover="');
    expect(html.match(/<script>/g)).toHaveLength(1); // only the page's own sorter
  });

  it('is self-contained: no external URLs, a CSP that pins the one inline script', () => {
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('has sortable, keyboard-reachable headers and a scroll container', () => {
    expect(html.match(/<th scope="col"[^>]*><button type="button">/g)).toHaveLength(3);
    expect(html).toContain('class="table-scroll" role="region"');
    expect(html).toContain('aria-sort="ascending"');
  });
});
