// Builds the engine's native float32 matmul (native/matmul.c) into native/build/matmul.node with
// the machine's C compiler and Node's own headers. `npm ci` runs it (the engine's `prepare`
// script). It is an accelerator, never a requirement: where there is no compiler or no headers,
// it says so and leaves the engine on its WebAssembly kernels; it never fails the install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'matmul.c');
const out = join(here, 'build', 'matmul.node');
const strict = process.argv.includes('--strict');

/** Node's headers: installed beside the node binary (official builds, Debian's, Homebrew's). */
function nodeHeaders() {
  const candidates = [join(dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node', '/usr/local/include/node'];
  return candidates.find((dir) => existsSync(join(dir, 'node_api.h')));
}

function skip(reason) {
  const note = `@dlcourse/engine: the native matmul was not built (${reason}); the engine uses its WebAssembly kernels instead (slower: see packages/engine/native/README.md).`;
  if (strict) {
    console.error(note);
    process.exit(1);
  }
  console.warn(note);
  process.exit(0);
}

if (process.platform === 'win32') skip('Windows: no build script for MSVC');
const headers = nodeHeaders();
if (!headers) skip("Node's headers (node_api.h) were not found beside the node binary");
const compiler = process.env.CC || 'cc';
const flags = ['-O3', '-ffp-contract=fast', '-fPIC', '-shared', '-std=gnu11', `-I${headers}`];
// A macOS addon leaves Node's symbols to be found when it is loaded.
if (process.platform === 'darwin') flags.push('-undefined', 'dynamic_lookup');
mkdirSync(dirname(out), { recursive: true });
const partial = `${out}.${process.pid}.tmp`;
try {
  execFileSync(compiler, [...flags, '-o', partial, source], { stdio: ['ignore', 'inherit', 'inherit'] });
} catch (error) {
  skip(`${compiler} failed: ${error.code === 'ENOENT' ? 'no C compiler (install gcc or clang)' : error.message.split('\n')[0]}`);
}
renameSync(partial, out);
console.log(`@dlcourse/engine: built ${out}`);
