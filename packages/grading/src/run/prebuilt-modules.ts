import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import { REPO_ROOT } from './paths.js';
import { hashTree } from './hash-tree.js';

/**
 * The engine and the grading kit as pre-built ES modules for grading runs. Vitest would
 * otherwise transform and evaluate their ~170 TypeScript files through its module runner in
 * every test worker, which was most of a student's wait; files under node_modules are loaded
 * by Node natively instead. Graders and submissions import the same specifiers, so they get
 * the same modules (one Tensor class, one NotImplementedError). Rebuilt whenever a source
 * file changes, so an edit to the engine or the kit is picked up on the next run.
 */
const ENTRIES = {
  '@dlcourse/engine': join(REPO_ROOT, 'packages/engine/src/index.ts'),
  '@dlcourse/grading': join(REPO_ROOT, 'packages/grading/src/index.ts'),
  '@dlcourse/grading/stub': join(REPO_ROOT, 'packages/grading/src/not-implemented.ts'),
  '@dlcourse/grading/rubric': join(REPO_ROOT, 'packages/grading/src/rubric.ts'),
} as const;
/** The folders the entries are built from, whole (the kit's runner and CLI too: a superset only rebuilds more often). */
const SOURCE_DIRS = [join(REPO_ROOT, 'packages/engine/src'), join(REPO_ROOT, 'packages/grading/src')];
export const BUNDLE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'dlcourse-grading-bundle');
/**
 * Every edit of the engine or the kit makes a new bundle (~0.8 MB); one not used for this long is
 * removed when the next is built. Not sooner: a long class run keeps using the bundle it started with.
 */
export const STALE_BUNDLE_MS = 7 * 24 * 3600_000;

export type BundledSpecifier = keyof typeof ENTRIES;

/** Vite aliases sending each bundled package to its pre-built module. */
export async function bundleAliases(): Promise<{ find: RegExp; replacement: string }[]> {
  return aliasesFor(await prebuiltModules());
}

/** The aliases for modules already built (a process that was handed their paths need not hash the sources again). */
export function aliasesFor(files: Readonly<Record<string, string>>): { find: RegExp; replacement: string }[] {
  return Object.entries(files).map(([specifier, file]) => ({ find: specifierPattern([specifier]), replacement: file }));
}

/** Matches exactly these package specifiers (not their subpaths). */
function specifierPattern(specifiers: readonly string[]): RegExp {
  return new RegExp(`^(${specifiers.map((s) => s.replace(/[/.]/g, '\\$&')).join('|')})$`);
}

export async function prebuiltModules(): Promise<Record<BundledSpecifier, string>> {
  const dir = join(BUNDLE_DIR, await sourceHash());
  const outputs = Object.fromEntries(Object.keys(ENTRIES).map((s) => [s, join(dir, `${outputName(s)}.mjs`)])) as Record<BundledSpecifier, string>;
  if (existsSync(dir)) {
    const now = new Date();
    await utimes(dir, now, now).catch(() => {}); // in use: not stale (read-only caches simply age)
    return outputs;
  }

  // Concurrent runs may build the same bundle: each builds into its own folder and renames it
  // into place, which is atomic, so a reader never sees half a bundle.
  const partial = `${dir}.${process.pid}.${Date.now()}.partial`;
  try {
    await build({
      entryPoints: Object.entries(ENTRIES).map(([specifier, file]) => ({ in: file, out: outputName(specifier) })),
      outdir: partial,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // Beside the chunk, not inline: vitest maps the stack of every failed test, and an inline
      // map made that a regular expression over the 0.9 MB chunk and a base64 decode each time
      // (~1 s of a stub submission's 5 s in batch grading; profiled with --cpu-prof).
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [keepImportMetaUrl, ownPackagesInside],
    });
    await mkdir(dirname(dir), { recursive: true });
    await rename(partial, dir).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(dir)) throw error; // another run won the race with identical content
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  await pruneStaleBundles(BUNDLE_DIR, dir, Date.now());
  return outputs;
}

/** Removes the bundles in `root` other than `keep` that were last used more than STALE_BUNDLE_MS before `now`. */
export async function pruneStaleBundles(root: string, keep: string, now: number): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const path = join(root, name);
    if (path === keep) continue;
    const used = await stat(path).then((s) => s.mtimeMs, () => now);
    if (now - used > STALE_BUNDLE_MS) {
      await rm(path, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

function outputName(specifier: string): string {
  return specifier.replace(/^@dlcourse\//, '').replace(/\//g, '-');
}

async function sourceHash(): Promise<string> {
  const sources = await hashTree(REPO_ROOT, SOURCE_DIRS);
  return createHash('sha256').update(esbuildVersion).update(sources).digest('hex').slice(0, 16);
}

/**
 * `packages: 'external'` keeps npm dependencies (vitest, fast-check, sharp…) out of the bundle,
 * so they stay the very instances vitest uses; the workspace's own packages go inside.
 */
const ownPackagesInside: Plugin = {
  name: 'own-packages-inside',
  setup(b) {
    b.onResolve({ filter: specifierPattern(Object.keys(ENTRIES)) }, (args) => ({ path: ENTRIES[args.path as BundledSpecifier] }));
  },
};

/**
 * In a bundle every file would share the bundle's import.meta.url; code that finds files
 * beside itself (data, WebAssembly, worker scripts) must keep seeing its own source location.
 */
const keepImportMetaUrl: Plugin = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const url = pathToFileURL(args.path).href;
      return {
        contents: source
          .replaceAll('import.meta.url', JSON.stringify(url))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path)),
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};
