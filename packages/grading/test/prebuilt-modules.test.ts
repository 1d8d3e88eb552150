import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleAliases, prebuiltModules } from '../src/run/prebuilt-modules.js';
import { STALE_BUNDLE_MS, pruneStaleBundles } from '../src/run/cached-bundle.js';

describe('prebuilt engine and kit for grading runs', () => {
  it('builds once per source content and reuses the build', async () => {
    const first = await prebuiltModules();
    const second = await prebuiltModules();
    expect(second).toEqual(first);
    for (const file of Object.values(first)) expect(existsSync(file)).toBe(true);
  });

  it('loads natively, shares one Tensor class between the engine and the kit, and finds files beside its sources', async () => {
    const files = await prebuiltModules();
    const engine = (await import(pathToFileURL(files['@dlcourse/engine']).href)) as typeof import('@dlcourse/engine');
    const kit = (await import(pathToFileURL(files['@dlcourse/grading']).href)) as typeof import('@dlcourse/grading');
    const stub = (await import(pathToFileURL(files['@dlcourse/grading/stub']).href)) as typeof import('@dlcourse/grading/stub');
    expect(stub.NotImplementedError).toBe(kit.NotImplementedError);
    const x = engine.tensor([[1, 2], [3, 4]]);
    expect(x.matmul(x).toArray()).toEqual([7, 10, 15, 22]);
    // expectClose converts through the kit's own engine import: it must accept the engine's tensors
    expect(() => kit.expectClose(x, engine.tensor([[1, 2], [3, 4]]), { fn: 'f', tolerance: kit.TOLERANCES.float32 })).not.toThrow();
    // the diabetes loader reads data next to its source file (import.meta.url kept per file)
    expect(engine.loadDiabetes().x.shape).toEqual([442, 10]);
  });

  it('gives vite aliases that match the package names exactly, not their subpaths', async () => {
    const aliases = await bundleAliases();
    const engine = aliases.find((a) => a.find.test('@dlcourse/engine'));
    expect(engine).toBeDefined();
    expect(engine!.find.test('@dlcourse/engine/extra')).toBe(false);
    expect(aliases.filter((a) => a.find.test('@dlcourse/grading/stub'))).toHaveLength(1);
  });

  it('removes bundles unused for a week when a new one is built, never the new one nor recent ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bundles-'));
    try {
      const now = Date.now();
      const ages = { current: 30 * 24 * 3600_000, recent: 3600_000, stale: STALE_BUNDLE_MS + 60_000 };
      for (const [name, age] of Object.entries(ages)) {
        mkdirSync(join(root, name));
        utimesSync(join(root, name), new Date(now - age), new Date(now - age));
      }
      expect(await pruneStaleBundles(root, join(root, 'current'), now)).toEqual(['stale']);
      expect(['current', 'recent', 'stale'].map((name) => existsSync(join(root, name)))).toEqual([true, true, false]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
