import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLossesSvg, plotLosses } from '../../src/index.js';
import { formatTick, linearTicks, logTicks } from '../../src/plot/ticks.js';

const dir = mkdtempSync(join(tmpdir(), 'dlcourse-plot-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const train = [0.657, 0.389, 0.338, 0.303, 0.271, 0.247, 0.23, 0.203, 0.189, 0.165];
const val = [0.45, 0.413, 0.394, 0.38, 0.351, 0.366, 0.344];

/** A small well-formedness check: every tag closes in order, one <svg> root, no stray '<' or '&'. */
function checkWellFormed(svg: string): void {
  const body = svg.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const text = body.replace(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, (_m, close: string, name: string, _attrs, self: string) => {
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!self) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
    return '';
  });
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1 || !body.startsWith('<svg')) throw new Error(`expected one <svg> root, got ${roots}`);
  if (/[<>]/.test(text)) throw new Error(`stray markup: ${text.match(/.{0,20}[<>].{0,20}/)?.[0]}`);
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error('unescaped &');
}

function polylines(svg: string): { name: string; points: string[] }[] {
  return [...svg.matchAll(/<polyline class="series" data-name="([^"]*)" points="([^"]*)"/g)].map((m) => ({
    name: m[1],
    points: m[2].split(' '),
  }));
}

describe('plotLosses: the SVG', () => {
  it('is well-formed, with one polyline per series holding one point per value, axes labels, title and legend', async () => {
    const { svg } = buildLossesSvg([{ name: 'train', values: train }, { name: 'validation', values: val }], {
      title: 'notMNIST MLP',
      xLabel: 'epoch',
      yLabel: 'cross-entropy loss',
    });
    checkWellFormed(svg);
    const lines = polylines(svg);
    expect(lines.map((l) => l.name)).toEqual(['train', 'validation']);
    expect(lines.map((l) => l.points.length)).toEqual([10, 7]);
    for (const point of lines.flatMap((l) => l.points)) expect(point).toMatch(/^\d+\.\d\d,\d+\.\d\d$/);
    expect(svg).toMatch(/<text class="title"[^>]*>notMNIST MLP<\/text>/);
    expect(svg).toMatch(/<text class="x-label"[^>]*>epoch<\/text>/);
    expect(svg).toMatch(/<text class="y-label"[^>]*>cross-entropy loss<\/text>/);
    expect(svg).toMatch(/<g class="legend">[\s\S]*>train<\/text>[\s\S]*>validation<\/text>/);
    // x ticks 1 … 10; y ticks round numbers spanning the values.
    const xTicks = [...svg.matchAll(/<text x="[\d.]+" y="[\d.]+">(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(xTicks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(svg).toContain('>0.1</text>');
    expect(svg).toContain('>0.7</text>');
    // librsvg (through sharp) reads it.
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect(meta).toMatchObject({ format: 'svg', width: 800, height: 480 });
  });

  it('takes a bare number[] as one series, and escapes names', () => {
    const one = buildLossesSvg(train);
    expect(polylines(one.svg)).toEqual([{ name: 'loss', points: expect.any(Array) }]);
    const odd = buildLossesSvg([{ name: 'a<b> & "c"', values: [1, 2] }]);
    checkWellFormed(odd.svg);
    expect(odd.svg).toContain('a&lt;b&gt; &amp; &quot;c&quot;');
  });

  it('draws a log y axis with decade ticks', () => {
    const { svg } = buildLossesSvg([{ name: 'loss', values: [1, 0.3, 0.05, 0.012] }], { logY: true });
    checkWellFormed(svg);
    expect(svg).toContain('loss (log scale)');
    for (const tick of ['0.01', '0.1', '1']) expect(svg).toContain(`>${tick}</text>`);
    expect(polylines(svg)[0].points).toHaveLength(4);
  });

  it('leaves NaN and infinite values out of their line and says so', () => {
    const warnings: string[] = [];
    const result = buildLossesSvg([1, Number.NaN, 0.5, Number.POSITIVE_INFINITY, 0.25], { onWarning: (m) => warnings.push(m) });
    expect(polylines(result.svg)[0].points).toHaveLength(3);
    expect(result.series).toEqual([{ name: 'loss', drawn: 3, skipped: 2 }]);
    expect(warnings).toEqual(["plotLosses: left out 2 of 'loss' (NaN or infinite); the line joins the remaining points."]);
  });

  it('gives a clear error for input it cannot draw', () => {
    expect(() => buildLossesSvg([])).toThrow('plotLosses: no series to plot (got an empty list).');
    expect(() => buildLossesSvg([{ name: 'train', values: [] }])).toThrow("plotLosses: series 'train' has no values.");
    expect(() => buildLossesSvg([Number.NaN, Number.NaN])).toThrow("plotLosses: series 'loss' has no value that can be drawn: all 2 are NaN or infinite.");
    expect(() => buildLossesSvg([0, -1], { logY: true })).toThrow(/all 2 are NaN, infinite or ≤ 0 \(log scale\)/);
    expect(() => buildLossesSvg([{ name: 'x', values: 'abc' as unknown as number[] }])).toThrow(/series 0 must be \{ name: string, values: number\[\] \}/);
    expect(() => buildLossesSvg([1, 2], { width: 100, height: 100 })).toThrow(/too small/);
    expect(() => buildLossesSvg([1, 2], { width: 0 })).toThrow(/width must be an integer/);
  });
});

describe('plotLosses: the files', () => {
  it('writes the PNG (sharp) at the SVG size, and the SVG beside it', async () => {
    const path = join(dir, 'nested', 'losses.png');
    const result = await plotLosses([{ name: 'train', values: train }, { name: 'val', values: val }], { path, title: 'losses' });
    expect(result.pngPath).toBe(path);
    expect(result.svgPath).toBe(join(dir, 'nested', 'losses.svg'));
    expect(readFileSync(result.svgPath, 'utf8')).toBe(result.svg);
    const meta = await sharp(path).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 800, height: 480 });
    const stats = await sharp(path).stats();
    expect(stats.isOpaque).toBe(true);
  });

  it('honours width, height and scale', async () => {
    const result = await plotLosses(train, { path: join(dir, 'small.png'), width: 400, height: 300, scale: 2 });
    expect(await sharp(result.pngPath!).metadata()).toMatchObject({ width: 800, height: 600 });
  });

  it('writes only the SVG for an .svg path, and refuses other extensions', async () => {
    const result = await plotLosses(train, { path: join(dir, 'only.svg') });
    expect(result.pngPath).toBeNull();
    expect(existsSync(join(dir, 'only.png'))).toBe(false);
    await expect(plotLosses(train, { path: join(dir, 'losses.jpg') })).rejects.toThrow(/must end in \.png .* or \.svg, got/);
  });
});

describe('axis ticks', () => {
  it('are round numbers that cover the range', () => {
    expect(linearTicks(0.165, 0.657).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(linearTicks(2, 2).ticks.length).toBeGreaterThan(1);
    expect(logTicks(0.012, 1).ticks).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(logTicks(1e-6, 10).ticks).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10]);
    expect([formatTick(0.30000000000000004, 0.1), formatTick(1e-5), formatTick(2.5e-4), formatTick(0.05)]).toEqual(['0.3', '1e-5', '2.5e-4', '0.05']);
  });
});
