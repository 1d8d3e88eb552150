/**
 * The engine in a browser: bundled with esbuild, served cross-origin isolated (COOP/COEP, for
 * SharedArrayBuffer), run in a Web Worker of Debian's chromium with WebGPU enabled (SwiftShader
 * without a GPU), driven by playwright-core. A small model trains on webgpu: its loss falls and
 * matches, step by step, the same training on the cpu device in this process. Fails, never skips, when chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildBrowserBundles } from '../../browser/build.js';
import { trainSmall } from './browser/train-small.js';

const CHROMIUM = process.env.DLCOURSE_CHROMIUM ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

interface Result {
  error?: string;
  adapter?: { vendor: string; architecture: string };
  webgpu: number[];
}

describe('the engine in chromium on WebGPU', () => {
  let outdir: string;
  let server: Server;
  let browser: Browser | undefined;
  let url: string;

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'engine-browser-'));
    await buildBrowserBundles({ train: fileURLToPath(new URL('./browser/train-in-browser.ts', import.meta.url)) }, outdir);
    const page = fileURLToPath(new URL('./browser/index.html', import.meta.url));
    server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0];
      const file = name === '/' ? page : join(outdir, name.replace(/^\/+/, ''));
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    if (existsSync(CHROMIUM)) {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('trains on webgpu in a Web Worker: the loss falls and matches the cpu device', async () => {
    expect(browser, `${CHROMIUM} is missing: apt-get install chromium (or set DLCOURSE_CHROMIUM).`).toBeDefined();
    const page = await browser!.newPage();
    await page.goto(url);
    const result = (await page.evaluate('window.result')) as Result;
    expect(result.error).toBeUndefined();
    expect(result.adapter?.vendor).toBeTruthy();
    // the same training in this process on the cpu device is the reference
    const cpu = trainSmall('cpu');
    expect(result.webgpu).toHaveLength(cpu.length);
    expect(result.webgpu[result.webgpu.length - 1]).toBeLessThan(0.5 * result.webgpu[0]);
    result.webgpu.forEach((loss, step) => expect(Math.abs(loss - cpu[step]), `step ${step}: webgpu ${loss}, cpu ${cpu[step]}`).toBeLessThanOrEqual(1e-5 * cpu[step] + 1e-6));
  }, 120_000);
});
