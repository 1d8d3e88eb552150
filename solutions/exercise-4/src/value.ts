/*
 * Exercise 4 — autograd: a scalar reverse-mode engine (reference solution). README: §4.1–§4.8.
 *
 * Every Value remembers the values it was computed from (children) and, in backwardStep, how
 * to push its own gradient down to them by the chain rule: child.grad += (∂this/∂child)·this.grad.
 * backward() runs those steps once each, in reverse topological order.
 */

/** A number given where a Value is expected becomes a constant: a leaf nobody differentiates by. */
function asValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

export class Value {
  /** The number this node holds (the forward pass). */
  data: number;
  /** ∂(output of the last backward())/∂(this); 0 until a backward() reaches it. */
  grad = 0;
  /** The values this one was computed from; empty for a leaf. A value used twice appears twice. */
  readonly children: readonly Value[];
  /** The op that made this value ('' for a leaf), for printing and debugging. */
  readonly op: string;
  /** Adds this value's contribution to its children's gradients (§4.2, §4.3); nothing for a leaf. */
  backwardStep: () => void = () => {};

  constructor(data: number, children: readonly Value[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.op = op;
  }

  /** §4.1 — made by the user (new Value(x)), not by an op. */
  get isLeaf(): boolean {
    return this.children.length === 0;
  }

  /** §4.3 — ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1. */
  add(other: Value | number): Value {
    const o = asValue(other);
    const out = new Value(this.data + o.data, [this, o], '+');
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** §4.3 — ∂(a·b)/∂a = b, ∂(a·b)/∂b = a. */
  mul(other: Value | number): Value {
    const o = asValue(other);
    const out = new Value(this.data * o.data, [this, o], '*');
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** §4.3 — ∂(aⁿ)/∂a = n·aⁿ⁻¹ (n a plain number, not a Value). */
  pow(exponent: number): Value {
    const out = new Value(this.data ** exponent, [this], `^${exponent}`);
    out.backwardStep = () => {
      this.grad += exponent * this.data ** (exponent - 1) * out.grad;
    };
    return out;
  }

  /** §4.3 — ∂eᵃ/∂a = eᵃ (the output itself). */
  exp(): Value {
    const out = new Value(Math.exp(this.data), [this], 'exp');
    out.backwardStep = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /** §4.3 — ∂ln a/∂a = 1/a (a > 0). */
  log(): Value {
    const out = new Value(Math.log(this.data), [this], 'log');
    out.backwardStep = () => {
      this.grad += (1 / this.data) * out.grad;
    };
    return out;
  }

  /** §4.3 — tanh′ = 1 − tanh². */
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], 'tanh');
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  /** §4.3 — σ(a) = 1/(1 + e^(−a)), σ′ = σ(1 − σ). */
  sigmoid(): Value {
    const s = 1 / (1 + Math.exp(-this.data));
    const out = new Value(s, [this], 'sigmoid');
    out.backwardStep = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  /** §4.3 — ReLU(a) = max(a, 0); the derivative is 1 for a > 0, else 0. */
  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, [this], 'relu');
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  /** −a = a·(−1). */
  neg(): Value {
    return this.mul(-1);
  }

  /** a − b = a + (−b). */
  sub(other: Value | number): Value {
    return this.add(asValue(other).neg());
  }

  /** a / b = a·b⁻¹. */
  div(other: Value | number): Value {
    return this.mul(asValue(other).pow(-1));
  }

  /**
   * §4.6 — the gradients of this value with respect to every value it was computed from.
   * Non-leaf gradients in the graph are reset to 0 first, this value's gradient gets +1, and
   * every node's backwardStep runs once, consumers before the values they consume (§4.5).
   * Leaves are never reset: a second call adds the same gradients again (as PyTorch does).
   */
  backward(): void {
    const order = topologicalOrder(this);
    for (const v of order) if (!v.isLeaf) v.grad = 0;
    this.grad += 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
  }

  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }
}

/**
 * §4.7 — every value reachable from root, each after all of its children (post-order DFS),
 * root last. With an explicit stack instead of recursion, so a chain of any depth is fine.
 */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  const stack: { value: Value; next: number }[] = [{ value: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.value.children.length) {
      const child = top.value.children[top.next++];
      if (!visited.has(child)) {
        visited.add(child);
        stack.push({ value: child, next: 0 });
      }
    } else {
      stack.pop();
      order.push(top.value);
    }
  }
  return order;
}

/** §4.8 — v₀ + v₁ + … as ONE node with all of them as children; ∂sum/∂vᵢ = 1. sum([]) is 0. */
export function sum(values: readonly Value[]): Value {
  if (values.length === 0) return new Value(0);
  const children = [...values];
  const out = new Value(
    children.reduce((s, v) => s + v.data, 0),
    children,
    'sum',
  );
  out.backwardStep = () => {
    for (const v of children) v.grad += out.grad;
  };
  return out;
}

/** §4.6 — sets the gradient of every given value to 0 (before the next backward()). */
export function zeroGrad(values: Iterable<Value>): void {
  for (const v of values) v.grad = 0;
}
