import type { Tensor } from '../tensor/tensor.js';

/** Gradients for each input, given the gradient of the output; null where an input needs none. */
export type BackwardFn = (gradOutput: Tensor) => (Tensor | null)[];

/**
 * One recorded op in the graph (PyTorch's grad_fn). It keeps its inputs, the closure that
 * computes their gradients, and the versions of the tensors that closure saved, so an in-place
 * change to a saved tensor is caught instead of giving a silently wrong gradient.
 */
export class Node {
  private backwardFn: BackwardFn | null;
  private readonly savedVersions: [Tensor, number][];

  constructor(
    readonly name: string,
    readonly inputs: readonly Tensor[],
    backwardFn: BackwardFn,
    saved: readonly Tensor[],
  ) {
    this.backwardFn = backwardFn;
    this.savedVersions = saved.map((t) => [t, t.version]);
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
    for (const [t, version] of this.savedVersions) {
      if (t.version !== version) {
        throw new Error(
          `backward: a tensor of shape [${t.shape.join(', ')}] needed to compute the gradient of op '${this.name}' ` +
            `was modified by an in-place operation after it was used (version ${version} → ${t.version}). ` +
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
