/**
 * The written index.html in a real browser: Debian's chromium through playwright-core, opened via
 * file:// (nothing is served). Fails, never skips, when /usr/bin/chromium is missing.
 * Screenshots go to tools/scoreboard/test-artifacts/ (git-ignored).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResultsDir } from '../src/read-results.js';
import { buildScoreboard, writeOutputs } from '../src/write.js';
import { FIXTURE_CLASS, rec, tempDir } from './helpers.js';

const CHROMIUM = process.env.SCOREBOARD_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../test-artifacts');
const SCRIPT_ID = '<script>window.__pwned=1</script>';
const IMG_ID = '<img src=x onerror="window.__pwned=2">';

const MISSING = `${CHROMIUM} is missing: the browser test needs Debian's chromium — run \`apt-get install chromium\` (as root), then rerun the tests.`;

let browser: Browser | undefined;
let url: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return; // every test then fails with MISSING (never skipped)
  const { records } = await readResultsDir(FIXTURE_CLASS);
  records.push(rec(SCRIPT_ID, 'exercise-1', 1, 10), rec(IMG_ID, 'exercise-2', 2, 10));
  const out = await tempDir('scoreboard-browser-');
  await writeOutputs(buildScoreboard(records, { title: 'Fixture class <b>bold?</b>' }), out);
  url = pathToFileURL(join(out, 'index.html')).href;
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(viewport: { width: number; height: number }, mobile = false): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  if (!browser) throw new Error(MISSING);
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`); });
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

// In-page code is written as strings: the repository's tsconfig has no DOM types (lib ES2023 only).
const column = (page: Page, index: number): Promise<string[]> =>
  page.evaluate(`Array.from(document.querySelectorAll('#scoreboard tbody tr'), (r) => r.cells[${index}].getAttribute('data-sort') ?? '')`);
/** Every element outside the table's scroll box must lie within the viewport; the box itself scrolls. */
const PHONE_LAYOUT = `(() => {
  const width = document.documentElement.clientWidth;
  const scroller = document.querySelector('.table-scroll');
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (scroller.contains(el) && el !== scroller) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -0.5 || r.right > width + 0.5) offenders.push(el.tagName + '.' + el.className + ' ' + r.left + '..' + r.right);
  }
  scroller.scrollLeft = 50;
  return {
    width, innerWidth: window.innerWidth,
    docScroll: document.documentElement.scrollWidth, bodyScroll: document.body.scrollWidth,
    offenders, scrollerClient: scroller.clientWidth, scrollerScroll: scroller.scrollWidth, scrolledTo: scroller.scrollLeft,
  };
})()`;

const asNumbers = (xs: string[]) => xs.map((x) => (x === '' ? -Infinity : Number(x)));

describe('index.html in chromium', () => {
  it('shows every student, sorts by a clicked header both ways, and by keyboard', async () => {
    const { page, problems, close } = await open({ width: 1280, height: 800 });
    try {
      const ids = await page.locator('#scoreboard tbody th').allTextContents();
      expect(ids).toHaveLength(8);
      expect(ids).toEqual(expect.arrayContaining(['ada.lovelace', 'alan_turing', 'edsger', 'grace-hopper', 's0999, jr', 's1042', SCRIPT_ID, IMG_ID]));
      expect(await page.evaluate(`Array.from(document.querySelectorAll('#scoreboard thead th'), (t) => t.getAttribute('data-label'))`)).toEqual(['id', 'exercise-1', 'exercise-2', 'exercise-3', 'exercise-10', 'total']);

      const totalHeader = page.locator('#scoreboard thead th').nth(5);
      const before = await column(page, 5);
      await totalHeader.locator('button').click();
      const desc = asNumbers(await column(page, 5));
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      expect(desc[0]).toBe(55);
      expect(await column(page, 5)).not.toEqual(before);
      expect(await totalHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await page.locator('#scoreboard thead th').first().getAttribute('aria-sort')).toBeNull();

      await totalHeader.locator('button').click();
      const asc = asNumbers(await column(page, 5));
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      expect(await totalHeader.getAttribute('aria-sort')).toBe('ascending');
      expect(await page.locator('#sort-status').textContent()).toBe('Sorted by total, ascending.');

      // keyboard: Tab reaches the header buttons; Enter and Space sort
      const ex10 = page.locator('#scoreboard thead th').nth(4);
      await ex10.locator('button').focus();
      await page.keyboard.press('Enter');
      expect(await ex10.getAttribute('aria-sort')).toBe('descending');
      const byEx10 = asNumbers(await column(page, 4));
      expect(byEx10).toEqual([...byEx10].sort((a, b) => b - a));
      expect(byEx10.at(-1)).toBe(-Infinity); // missing results last when descending
      await page.keyboard.press('Space');
      expect(await ex10.getAttribute('aria-sort')).toBe('ascending');

      const idHeader = page.locator('#scoreboard thead th').first();
      await idHeader.locator('button').click(); // was ascending → descending
      const idsDesc = await column(page, 0);
      await idHeader.locator('button').click();
      expect(await column(page, 0)).toEqual([...idsDesc].reverse());

      await page.screenshot({ path: join(ARTIFACTS, 'scoreboard-desktop.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows injected markup in ids and the title as text and runs none of it', async () => {
    const { page, problems, close } = await open({ width: 1280, height: 800 });
    try {
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('img, b').count()).toBe(0);
      expect(await page.locator('#scoreboard tbody th', { hasText: SCRIPT_ID }).count()).toBe(1);
      expect(await page.locator('#scoreboard tbody th', { hasText: IMG_ID }).count()).toBe(1);
      expect(await page.title()).toBe('Fixture class <b>bold?</b>');
      expect(await page.locator('h1').textContent()).toBe('Fixture class <b>bold?</b>');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fits a phone (390×844): only the table scroll container overflows', async () => {
    const { page, problems, close } = await open({ width: 390, height: 844 }, true);
    try {
      const layout = (await page.evaluate(PHONE_LAYOUT)) as {
        width: number; innerWidth: number; docScroll: number; bodyScroll: number; offenders: string[];
        scrollerClient: number; scrollerScroll: number; scrolledTo: number;
      };
      expect(layout.innerWidth).toBe(390);
      expect(layout.offenders).toEqual([]);
      expect(layout.docScroll).toBeLessThanOrEqual(layout.width);
      expect(layout.bodyScroll).toBeLessThanOrEqual(layout.width);
      expect(layout.scrollerClient).toBeLessThanOrEqual(layout.width);
      expect(layout.scrollerScroll).toBeGreaterThan(layout.scrollerClient); // the table is wider: it scrolls inside its box
      expect(layout.scrolledTo).toBe(50);
      await page.evaluate(`document.querySelector('.table-scroll').scrollLeft = 0`);
      await page.screenshot({ path: join(ARTIFACTS, 'scoreboard-phone.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
