/**
 * Runs in the test worker before the student's code loads: every way to open a connection or a
 * server, or to resolve a name, throws one clear error. The CommonJS module objects are patched
 * and then synced to their ES module views, so `import net from 'node:net'` and
 * `import { connect } from 'node:net'` both see the blocked functions. The kernel layer
 * (a private network namespace) is added outside, where the machine permits it.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { SANDBOX_MESSAGES, say, workerLanguage } from './messages.js';

const require = createRequire(import.meta.url);

function refuse(what: string): () => never {
  return () => {
    const error = new Error(say(workerLanguage(), SANDBOX_MESSAGES.networkBlocked, what));
    error.name = 'NetworkBlocked';
    throw error;
  };
}

const ENTRY_POINTS: Record<string, string[]> = {
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse'],
};

for (const [name, functions] of Object.entries(ENTRY_POINTS)) {
  const module = require(`node:${name}`) as Record<string, unknown>;
  for (const fn of functions) if (fn in module) module[fn] = refuse(`${name}.${fn}`);
  if (name === 'dns') {
    const promises = module.promises as Record<string, unknown>;
    for (const fn of functions) if (fn in promises) promises[fn] = refuse(`dns.promises.${fn}`);
  }
}
const net = require('node:net') as typeof import('node:net');
net.Socket.prototype.connect = refuse('net.Socket.connect') as never;
syncBuiltinESMExports();

for (const global of ['fetch', 'WebSocket', 'EventSource']) {
  // A worker that runs a second test file has blocked these already (and made them permanent).
  if (global in globalThis && Object.getOwnPropertyDescriptor(globalThis, global)?.configurable !== false) Object.defineProperty(globalThis, global, { value: refuse(global), writable: false, configurable: false });
}
