import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import { REPO_ROOT } from './paths.js';
import { hashTree } from './hash-tree.js';

/**
 * Every edit of the sources makes a new bundle; one not used for this long is removed when the
 * next is built. Not sooner: a long class run keeps using the bundle it started with.
 */
export const STALE_BUNDLE_MS = 7 * 24 * 3600_000;

export interface BundleSpec {
  /** The folder that holds one sub-folder per source version. */
  cacheDir: string;
  /** Output name (without .mjs) → the TypeScript entry it is built from. */
  entries: Readonly<Record<string, string>>;
  /** Every folder or file the entries are built from: the bundle is named by their content. */
  sourceDirs: readonly string[];
  /** The workspace's own package specifiers, built in from these sources (npm packages stay external). */
  inside: Readonly<Record<string, string>>;
}

/**
 * TypeScript entries as plain ES modules that Node loads natively, built once per source content
 * (esbuild, code shared between entries in chunks) into `cacheDir/<hash>/<name>.mjs`, and reused
 * until a source changes. Returns name → file.
 */
export async function cachedBundle(spec: BundleSpec): Promise<Record<string, string>> {
  const dir = join(spec.cacheDir, await sourceHash(spec.sourceDirs));
  const outputs = Object.fromEntries(Object.keys(spec.entries).map((name) => [name, join(dir, `${name}.mjs`)]));
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
      entryPoints: Object.entries(spec.entries).map(([name, file]) => ({ in: file, out: name })),
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
      plugins: [keepImportMetaUrl, ownPackagesInside(spec.inside)],
    });
    await mkdir(dirname(dir), { recursive: true });
    await rename(partial, dir).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(dir)) throw error; // another run won the race with identical content
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  await pruneStaleBundles(spec.cacheDir, dir, Date.now());
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

async function sourceHash(sourceDirs: readonly string[]): Promise<string> {
  const sources = await hashTree(REPO_ROOT, [...sourceDirs]);
  return createHash('sha256').update(esbuildVersion).update(sources).digest('hex').slice(0, 16);
}

/** Matches exactly these package specifiers (not their subpaths). */
export function specifierPattern(specifiers: readonly string[]): RegExp {
  return new RegExp(`^(${specifiers.map((s) => s.replace(/[/.]/g, '\\$&')).join('|')})$`);
}

/**
 * `packages: 'external'` keeps npm dependencies (vitest, fast-check, sharp…) out of the bundle,
 * so they stay the very instances vitest uses; the workspace's own packages go inside.
 */
function ownPackagesInside(inside: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'own-packages-inside',
    setup(b) {
      b.onResolve({ filter: specifierPattern(Object.keys(inside)) }, (args) => ({ path: inside[args.path]! }));
    },
  };
}

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
