/**
 * Random expression DAGs for the graph tests: a few leaves, then ops that each take their
 * operands among the nodes made before — an operand picked twice is a shared sub-expression.
 * A program is plain data; `run` evaluates it with any implementation (the submission's Value,
 * the engine's float64 tensors, plain numbers), and `listing` prints it as code a student can
 * paste.
 */
import fc from 'fast-check';

export const UNARY = ['exp', 'log', 'tanh', 'sigmoid', 'relu', 'neg', 'pow'] as const;
export const BINARY = ['add', 'mul', 'sub', 'div'] as const;
export type UnaryOp = (typeof UNARY)[number];
export type BinaryOp = (typeof BINARY)[number];
export type Op = UnaryOp | BinaryOp;

/** Node `leaves.length + i` is steps[i] applied to earlier nodes a (and b for a binary op). */
export interface Step {
  op: Op;
  a: number;
  b: number;
  /** The exponent of a 'pow' step. */
  exponent: number;
}

export interface Program {
  leaves: number[];
  steps: Step[];
}

/** How one implementation makes leaves and applies ops. */
export interface Engine<V> {
  leaf(x: number): V;
  unary(op: UnaryOp, a: V, exponent: number): V;
  binary(op: BinaryOp, a: V, b: V): V;
}

const isBinary = (op: Op): op is BinaryOp => (BINARY as readonly string[]).includes(op);

/** Every node of the program, leaves first; the output is the last one. */
export function run<V>(program: Program, engine: Engine<V>): V[] {
  const nodes = program.leaves.map((x) => engine.leaf(x));
  for (const s of program.steps) {
    nodes.push(isBinary(s.op) ? engine.binary(s.op, nodes[s.a], nodes[s.b]) : engine.unary(s.op, nodes[s.a], s.exponent));
  }
  return nodes;
}

/** The program on plain numbers (Math), the forward pass the others are checked against. */
export const numbers: Engine<number> = {
  leaf: (x) => x,
  unary: (op, a, exponent) => {
    switch (op) {
      case 'exp': return Math.exp(a);
      case 'log': return Math.log(a);
      case 'tanh': return Math.tanh(a);
      case 'sigmoid': return 1 / (1 + Math.exp(-a));
      case 'relu': return a > 0 ? a : 0;
      case 'neg': return -a;
      case 'pow': return a ** exponent;
    }
  },
  binary: (op, a, b) => {
    switch (op) {
      case 'add': return a + b;
      case 'mul': return a * b;
      case 'sub': return a - b;
      case 'div': return a / b;
    }
  },
};

/** Names as the listing prints them: x0, x1, … for leaves, v2, v3, … for op results. */
export function nodeName(program: Program, i: number): string {
  return i < program.leaves.length ? `x${i}` : `v${i}`;
}

/** Step k as code, e.g. 'v4 = v2.mul(x0)'. */
export function stepCode(program: Program, k: number): string {
  const name = (i: number) => nodeName(program, i);
  const s = program.steps[k];
  const call = isBinary(s.op) ? `${name(s.a)}.${s.op}(${name(s.b)})` : s.op === 'pow' ? `${name(s.a)}.pow(${s.exponent})` : `${name(s.a)}.${s.op}()`;
  return `${name(program.leaves.length + k)} = ${call}`;
}

/** The indices of the steps that use node i as an operand. */
export function consumersOf(program: Program, i: number): number[] {
  return program.steps.flatMap((s, k) => (s.a === i || (isBinary(s.op) && s.b === i) ? [k] : []));
}

/** The program as code, one line per node. */
export function listing(program: Program): string {
  const name = (i: number) => nodeName(program, i);
  const lines = program.leaves.map((x, i) => `${name(i)} = new Value(${x})`);
  program.steps.forEach((_, k) => lines.push(stepCode(program, k)));
  lines.push(`${name(program.leaves.length + program.steps.length - 1)}.backward()`);
  return lines.join('\n    ');
}

/** Largest |value| a node may take, so every gradient stays in a range float64 checks well. */
const MAX_ABS = 50;

/**
 * Keeps a raw program in the domains where every op is smooth and well conditioned: an op that
 * would leave them becomes tanh of its first operand. log needs a ≥ 0.2, div |b| ≥ 0.2, a
 * negative power |a| ≥ 0.2, a fractional power a ≥ 0.2, exp a ≤ 3, relu |a| ≥ 0.01 (away from
 * its kink, so central differences see one side). Then every node nothing uses is added to the
 * output, so the output depends on every node.
 */
export function sanitize(raw: Program): Program {
  const values = [...raw.leaves];
  const steps: Step[] = [];
  for (const s of raw.steps) {
    const a = s.a % values.length;
    const b = s.b % values.length;
    let step: Step = { op: s.op, a, b, exponent: s.exponent };
    const va = values[a];
    const vb = values[b];
    const unsafe =
      (s.op === 'log' && !(va >= 0.2)) ||
      (s.op === 'div' && !(Math.abs(vb) >= 0.2)) ||
      (s.op === 'pow' && s.exponent < 0 && !(Math.abs(va) >= 0.2)) ||
      (s.op === 'pow' && !Number.isInteger(s.exponent) && !(va >= 0.2)) ||
      (s.op === 'exp' && !(va <= 3)) ||
      (s.op === 'relu' && !(Math.abs(va) >= 0.01));
    if (unsafe) step = { op: 'tanh', a, b, exponent: s.exponent };
    let v = isBinary(step.op) ? numbers.binary(step.op, va, vb) : numbers.unary(step.op, va, step.exponent);
    if (!(Math.abs(v) <= MAX_ABS)) {
      step = { op: 'tanh', a, b, exponent: s.exponent };
      v = Math.tanh(va);
    }
    steps.push(step);
    values.push(v);
  }
  const used = new Set<number>();
  for (const s of steps) {
    used.add(s.a);
    if (isBinary(s.op)) used.add(s.b);
  }
  const sinks = values.map((_, i) => i).filter((i) => i >= raw.leaves.length && !used.has(i));
  let out = sinks[0];
  for (const sink of sinks.slice(1)) {
    steps.push({ op: 'add', a: out, b: sink, exponent: 1 });
    out = values.length;
    values.push(values[steps[steps.length - 1].a] + values[sink]);
  }
  return { leaves: raw.leaves, steps };
}

/** A value on a grid of quarters in [−2.5, 2.5], not 0: failures shrink to readable numbers. */
const leafValue = fc.integer({ min: -10, max: 10 }).filter((k) => k !== 0).map((k) => k / 4);

/** Random programs: 2–4 leaves, 3–maxSteps ops, operands anywhere among the earlier nodes. */
export function programs(options: { maxSteps?: number } = {}): fc.Arbitrary<Program> {
  const step = fc.record({
    op: fc.constantFrom<Op>(...BINARY, ...UNARY),
    a: fc.nat({ max: 63 }),
    b: fc.nat({ max: 63 }),
    exponent: fc.constantFrom(2, 3, -1, -2, 0.5, 1.5, 1),
  });
  return fc
    .record({ leaves: fc.array(leafValue, { minLength: 2, maxLength: 4 }), steps: fc.array(step, { minLength: 3, maxLength: options.maxSteps ?? 12 }) })
    .map(sanitize);
}
