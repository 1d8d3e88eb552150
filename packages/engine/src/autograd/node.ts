import type { Storage } from '../backend/backend.js';
import type { Tensor } from '../tensor/tensor.js';
import { storageWrites } from './storage-writes.js';

/** Gradients for each input, given the gradient of the output; null where an input needs none. */
export type BackwardFn = (gradOutput: Tensor) => (Tensor | null)[];

/** A saved tensor as it was when saved: its version, and its storage with that storage's write count. */
type SavedVersion = [tensor: Tensor, version: number, storage: Storage, storageWrites: number];

/**
 * One recorded op in the graph (PyTorch's grad_fn). It keeps its inputs, the closure that
 * computes their gradients, and the versions of the tensors that closure saved, so an in-place
 * change to a saved tensor is caught instead of giving a silently wrong gradient. Both kinds of
 * change count: an in-place op on the tensor (its version), and an optimizer step that wrote
 * into its storage through another tensor sharing it, e.g. its base (storage-writes.ts).
 */
export class Node {
  private backwardFn: BackwardFn | null;
  private readonly savedVersions: SavedVersion[];

  constructor(
    readonly name: string,
    readonly inputs: readonly Tensor[],
    backwardFn: BackwardFn,
    saved: readonly Tensor[],
  ) {
    this.backwardFn = backwardFn;
    this.savedVersions = saved.map((t) => [t, t.version, t.storage, storageWrites(t.storage)]);
  }

  get freed(): boolean {
    return this.backwardFn === null;
  }

  apply(gradOutput: Tensor): (Tensor | null)[] {
    if (this.backwardFn === null) {
      throw new Error(
        `backward: trying to backward through the graph a second time (through op '${this.name}'): its saved ` +
          `values were freed after the first backward(). Pass { retainGraph: true } to the first backward() ` +
          `if you need to call it twice, or recompute the forward pass.`,
      );
    }
    for (const [t, version, storage, writes] of this.savedVersions) {
      if (t.version !== version || storageWrites(storage) !== writes) {
        throw new Error(
          `backward: a tensor of shape [${t.shape.join(', ')}] needed to compute the gradient of op '${this.name}' ` +
            `was modified by an in-place operation after it was used (` +
            (t.version !== version ? `version ${version} → ${t.version}` : 'an optimizer step wrote into its storage') +
            `). ` +
            `Use the out-of-place op (e.g. add instead of add_) or clone() it first.`,
        );
      }
    }
    return this.backwardFn(gradOutput);
  }

  release(): void {
    this.backwardFn = null;
  }
}
