import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleAliases, prebuiltModules } from '../src/run/prebuilt-modules.js';

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
});
