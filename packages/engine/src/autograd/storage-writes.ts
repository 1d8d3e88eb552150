import type { Storage } from '../backend/backend.js';

/**
 * Bookkeeping for the one kind of write that goes into an existing storage: an optimizer's
 * in-place update (ops/in-place.ts `writeInPlace`). Every other in-place op swaps in a new
 * storage, which only the tensor itself sees, and bumps that tensor's version.
 *
 * - Writes are counted per storage, not per tensor: a reshape view (e.g. the [1, out, in]
 *   weight a Linear hands to its matmul, saved for the backward) shares its base's storage, so
 *   a graph that saved the view must notice a write through the base (autograd/node.ts).
 * - A storage that a detached tensor (a state dict, a snapshot) also holds is never written
 *   in place: in this engine a detached tensor keeps its values, and the optimizer then writes a
 *   new storage instead, as every other in-place op does.
 */
const writes = new WeakMap<object, number>();
const shared = new WeakSet<object>();

function isObject(storage: Storage): storage is object {
  return typeof storage === 'object' && storage !== null;
}

/** How many in-place writes went into this storage so far. */
export function storageWrites(storage: Storage): number {
  return isObject(storage) ? (writes.get(storage) ?? 0) : 0;
}

export function noteStorageWrite(storage: Storage): void {
  if (isObject(storage)) writes.set(storage, storageWrites(storage) + 1);
}

/** Called by detach(): the storage now has an owner outside the graph that expects it unchanged. */
export function markStorageShared(storage: Storage): void {
  if (isObject(storage)) shared.add(storage);
}

/** Whether an update may overwrite this storage's values. */
export function mayWriteInPlace(storage: Storage): boolean {
  return isObject(storage) && !shared.has(storage);
}
