import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Modules the browser never runs (Node's file and worker APIs reached through the CPU
 * backend's WebAssembly host, sharp, …): replaced by stubs that throw if called.
 */
const nodeOnly: Plugin = {
  name: 'node-only',
  setup(b) {
    b.onResolve({ filter: /^(node:|sharp$|tar$|cli-progress$|esbuild$|webgpu$)/ }, (args) => ({ path: args.path, namespace: 'node-only' }));
    b.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => name === '__esModule' ? false : () => { throw new Error(${JSON.stringify(`'${args.path}' is not available in the browser`)}); } });`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles `entries` (name → entry file) as ES modules into `outdir`, and the GPU thread as
 * gpu-thread.js beside them (load it with new URL('./gpu-thread.js', import.meta.url)).
 */
export async function buildBrowserBundles(entries: Record<string, string>, outdir: string): Promise<void> {
  const gpuThread = fileURLToPath(new URL('./gpu-thread-browser.ts', import.meta.url));
  await build({
    entryPoints: { ...entries, 'gpu-thread': gpuThread },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    plugins: [nodeOnly],
    logLevel: 'error',
  });
}
