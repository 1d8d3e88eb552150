import { noGrad, type Tensor } from '@dlcourse/engine';

/**
 * dL/dX for Y = f(X) given dL/dY, by the engine's autograd in float64: the reference a
 * student's hand-written backward is compared with.
 */
export function referenceVjp(f: (x: Tensor) => Tensor, x: Tensor, dY: Tensor): Tensor {
  const input = noGrad(() => x.detach().double()).requiresGrad_(true);
  f(input).backward(dY.double());
  return input.grad!;
}

/** f(X) in float64 by the engine, outside any graph. */
export function referenceValue(f: (x: Tensor) => Tensor, x: Tensor): Tensor {
  return noGrad(() => f(x.detach().double()));
}
