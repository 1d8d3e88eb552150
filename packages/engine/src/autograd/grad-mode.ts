/**
 * Whether ops record a graph. `noGrad(fn)` is torch.no_grad(): evaluation, optimizer updates
 * and the backward pass itself run without building a graph.
 */
let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}

export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn);
}

function withGradMode<T>(mode: boolean, fn: () => T): T {
  const previous = enabled;
  enabled = mode;
  try {
    const result = fn();
    if (result instanceof Promise) {
      throw new TypeError('noGrad/enableGrad take a synchronous function; await inside it would leak the mode to other code.');
    }
    return result;
  } finally {
    enabled = previous;
  }
}
