import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 4 — autograd: a scalar reverse-mode engine. Formulas and hints: ../README.md.
 *
 * A Value holds a number (data) and, after backward(), the derivative of the output with respect
 * to it (grad). Every op returns a NEW Value that remembers the values it was made from
 * (children) and sets its backwardStep: a function that pushes the new value's grad down to its
 * children by the chain rule, child.grad += (local derivative) · out.grad (README §4.2, §4.3).
 * backward() runs every backwardStep once, in reverse topological order (§4.5–§4.7).
 *
 * The constructor and the fields are written for you; you may add fields and helper functions.
 * A number given where a Value is expected (x.add(2)) becomes a constant: new Value(2).
 */

export class Value {
  /** The number this node holds (the forward pass). */
  data: number;
  /** ∂(output of the last backward())/∂(this); 0 until a backward() reaches it. */
  grad = 0;
  /** The values this one was computed from; empty for a leaf. A value used twice appears twice. */
  readonly children: readonly Value[];
  /** The op that made this value ('' for a leaf), for printing and debugging. */
  readonly op: string;
  /** Adds this value's contribution to its children's gradients; does nothing for a leaf. */
  backwardStep: () => void = () => {};

  constructor(data: number, children: readonly Value[] = [], op = '') {
    this.data = data;
    this.children = children;
    this.op = op;
  }

  /** §4.1 — true for a value made by new Value(x), false for a value an op returned. */
  get isLeaf(): boolean {
    return notImplemented('Value.isLeaf');
  }

  /** §4.3 — a + b;  ∂/∂a = 1, ∂/∂b = 1. */
  add(other: Value | number): Value {
    return notImplemented('Value.add');
  }

  /** §4.3 — a · b;  ∂/∂a = b, ∂/∂b = a. */
  mul(other: Value | number): Value {
    return notImplemented('Value.mul');
  }

  /** §4.3 — aⁿ for a plain number n;  ∂/∂a = n·aⁿ⁻¹. */
  pow(exponent: number): Value {
    return notImplemented('Value.pow');
  }

  /** §4.3 — eᵃ;  ∂/∂a = eᵃ. */
  exp(): Value {
    return notImplemented('Value.exp');
  }

  /** §4.3 — ln a (a > 0);  ∂/∂a = 1/a. */
  log(): Value {
    return notImplemented('Value.log');
  }

  /** §4.3 — tanh a;  ∂/∂a = 1 − tanh²a. */
  tanh(): Value {
    return notImplemented('Value.tanh');
  }

  /** §4.3 — σ(a) = 1/(1 + e^(−a));  ∂/∂a = σ(a)(1 − σ(a)). */
  sigmoid(): Value {
    return notImplemented('Value.sigmoid');
  }

  /** §4.3 — max(a, 0);  ∂/∂a = 1 for a > 0, 0 for a < 0. */
  relu(): Value {
    return notImplemented('Value.relu');
  }

  /** −a (may be built from the ops above). */
  neg(): Value {
    return notImplemented('Value.neg');
  }

  /** a − b (may be built from the ops above). */
  sub(other: Value | number): Value {
    return notImplemented('Value.sub');
  }

  /** a / b (may be built from the ops above). */
  div(other: Value | number): Value {
    return notImplemented('Value.div');
  }

  /**
   * §4.6 — fills grad of every value this one was computed from with ∂this/∂value: resets the
   * grad of every non-leaf node of the graph to 0, adds 1 to this.grad, then runs each node's
   * backwardStep once, in reverse topological order (§4.5), without recursion (§4.7). Leaves are
   * not reset, so a second call adds the same gradients to them again.
   */
  backward(): void {
    notImplemented('Value.backward');
  }
}

/** §4.8 — v₀ + v₁ + … as one Value; ∂/∂vᵢ = 1 for every entry (a value listed twice gets 2). sum([]) is new Value(0). */
export function sum(values: readonly Value[]): Value {
  return notImplemented('sum');
}

/** §4.6 — sets the grad of every given value to 0. */
export function zeroGrad(values: Iterable<Value>): void {
  notImplemented('zeroGrad');
}
