import v8 from 'node:v8';
import vm from 'node:vm';
import { eventLoopRegistry, type CollectableRegistry } from './collectable-registry.js';

type CleanupSomeRegistry<T> = FinalizationRegistry<T> & { cleanupSome?: () => void };

/**
 * A training loop is one long synchronous job (no await between steps), and standard
 * finalization callbacks wait for the event loop, so dead tensors' GPU buffers would pile up
 * for the whole run. Two V8 features fix that, both behind flags that take effect for contexts
 * made after they are set, so they are taken from a fresh vm context:
 * FinalizationRegistry.prototype.cleanupSome runs the callbacks on demand, and gc() collects
 * the small tensor handles, which the JS heap alone would rarely collect (their memory is on
 * the GPU; only full collections clear finalization targets). Without them, the event-loop
 * registry is the fallback.
 */
export function synchronousRegistry<T>(callback: (held: T) => void): CollectableRegistry<T> {
  let context: { Registry: typeof FinalizationRegistry; gc?: () => void } | undefined;
  try {
    v8.setFlagsFromString('--harmony-weak-refs-with-cleanup-some');
    v8.setFlagsFromString('--expose-gc');
    const sandbox = vm.createContext();
    context = {
      Registry: vm.runInContext('FinalizationRegistry', sandbox) as typeof FinalizationRegistry,
      gc: vm.runInContext('typeof gc === "function" ? gc : undefined', sandbox) as (() => void) | undefined,
    };
  } catch {
    context = undefined;
  }
  const registry = context ? (new context.Registry<T>(callback) as CleanupSomeRegistry<T>) : undefined;
  if (!context || !registry || typeof registry.cleanupSome !== 'function') return eventLoopRegistry(callback);
  const collect = () => registry.cleanupSome!();
  const gc = context.gc;
  return {
    register: (target, held) => registry.register(target, held),
    collect,
    collectGarbage: () => {
      gc?.();
      collect();
    },
  };
}
