import type { Tensor } from '../tensor/tensor.js';
import { noGrad } from './grad-mode.js';
import { formatShape, shapesEqual } from '../tensor/shape.js';

export interface BackwardOptions {
  /** Keep the graph so backward() can run through it again (torch's retain_graph). */
  retainGraph?: boolean;
}

/**
 * Reverse-mode sweep from `root`: one topological order (iterative, so a chain of any depth
 * is fine), gradients summed where a tensor feeds several ops, leaves' .grad accumulated
 * across calls as in PyTorch.
 */
export function runBackward(root: Tensor, gradient: Tensor, options: BackwardOptions = {}): void {
  const order = topologicalOrder(root);
  const grads = new Map<Tensor, Tensor>([[root, gradient]]);
  noGrad(() => {
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      const g = grads.get(t);
      if (!g) continue;
      grads.delete(t);
      if (t.gradFn === null) {
        t.grad = t.grad === null ? g.detach() : t.grad.add(g);
        continue;
      }
      if (t.retainsGrad) t.grad = t.grad === null ? g.detach() : t.grad.add(g);
      const node = t.gradFn;
      const inputGrads = node.apply(g);
      node.inputs.forEach((input, k) => {
        const gi = inputGrads[k];
        if (!input.requiresGrad || gi === null || gi === undefined) return;
        if (!shapesEqual(gi.shape, input.shape)) {
          throw new Error(
            `backward: op '${node.name}' produced a gradient of shape ${formatShape(gi.shape)} for an input ` +
              `of shape ${formatShape(input.shape)} (an engine bug: please report it).`,
          );
        }
        const prev = grads.get(input);
        grads.set(input, prev ? prev.add(gi) : gi);
      });
      if (!options.retainGraph) node.release();
    }
  });
}

function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: [Tensor, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [t, next] = top;
    const inputs = t.gradFn?.inputs ?? [];
    if (next < inputs.length) {
      top[1] = next + 1;
      const child = inputs[next];
      if (child.requiresGrad && !visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(t);
    }
  }
  return order;
}
