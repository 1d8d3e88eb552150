// A valid alternative written from scratch, the way PyTorch keeps gradients: each op records a
// function from the upstream gradient to its inputs' gradients; backward() carries the flowing
// gradients in a Map (not in .grad), visits the nodes in a reverse post-order found with an
// explicit stack, and only at the end adds each node's gradient to its .grad — so every node,
// intermediate ones too, accumulates across backward() calls (like retain_grad in PyTorch).
type LocalBackward = (upstream: number) => number[];

export class Value {
  data: number;
  grad = 0;
  readonly inputs: readonly Value[];
  readonly local: LocalBackward;

  constructor(data: number, inputs: readonly Value[] = [], local: LocalBackward = () => []) {
    this.data = data;
    this.inputs = inputs;
    this.local = local;
  }

  get isLeaf(): boolean {
    return this.inputs.length === 0;
  }

  add(other: Value | number): Value {
    const o = lift(other);
    return new Value(this.data + o.data, [this, o], (g) => [g, g]);
  }

  mul(other: Value | number): Value {
    const o = lift(other);
    return new Value(this.data * o.data, [this, o], (g) => [g * o.data, g * this.data]);
  }

  pow(exponent: number): Value {
    return new Value(Math.pow(this.data, exponent), [this], (g) => [g * exponent * Math.pow(this.data, exponent - 1)]);
  }

  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, [this], (g) => [g * e]);
  }

  log(): Value {
    return new Value(Math.log(this.data), [this], (g) => [g / this.data]);
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, [this], (g) => [g * (1 - t ** 2)]);
  }

  sigmoid(): Value {
    const s = this.data >= 0 ? 1 / (1 + Math.exp(-this.data)) : Math.exp(this.data) / (1 + Math.exp(this.data));
    return new Value(s, [this], (g) => [g * s * (1 - s)]);
  }

  relu(): Value {
    return new Value(Math.max(0, this.data), [this], (g) => [this.data > 0 ? g : 0]);
  }

  neg(): Value {
    return new Value(-this.data, [this], (g) => [-g]);
  }

  sub(other: Value | number): Value {
    const o = lift(other);
    return new Value(this.data - o.data, [this, o], (g) => [g, -g]);
  }

  div(other: Value | number): Value {
    const o = lift(other);
    return new Value(this.data / o.data, [this, o], (g) => [g / o.data, (-g * this.data) / (o.data * o.data)]);
  }

  backward(): void {
    // Post-order with two stacks: pop a node, push it to `post`, push its inputs; `post`
    // reversed would be a post-order only for trees, so mark finished nodes explicitly.
    const order: Value[] = [];
    const state = new Map<Value, 'open' | 'done'>();
    const stack: Value[] = [this];
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (state.get(v) === 'done') {
        stack.pop();
        continue;
      }
      if (state.get(v) === 'open') {
        stack.pop();
        state.set(v, 'done');
        order.push(v);
        continue;
      }
      state.set(v, 'open');
      for (const input of v.inputs) if (!state.has(input)) stack.push(input);
    }
    const flowing = new Map<Value, number>([[this, 1]]);
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      const g = flowing.get(v) ?? 0;
      const grads = v.local(g);
      v.inputs.forEach((input, k) => flowing.set(input, (flowing.get(input) ?? 0) + grads[k]));
    }
    for (const [v, g] of flowing) v.grad += g;
  }
}

function lift(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

export function sum(values: readonly Value[]): Value {
  const inputs = [...values];
  return new Value(
    inputs.reduce((s, v) => s + v.data, 0),
    inputs,
    (g) => inputs.map(() => g),
  );
}

export function zeroGrad(values: Iterable<Value>): void {
  for (const v of values) v.grad = 0;
}
