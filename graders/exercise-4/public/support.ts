/**
 * What both suites share: the submission and the engine as program evaluators, and checks that
 * name the node, the program and expected vs got when a value or a gradient is wrong.
 */
import { tensor, type Tensor } from '@dlcourse/engine';
import { expectClose, expectGradient, GradingFailure, numericGradient, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-4';
import { consumersOf, listing, nodeName, numbers, run, stepCode, type Engine, type Program } from './programs.js';

export type Value = student.Value;

/**
 * Gradients of the same graph by the submission and by the engine, both in float64: different
 * but equivalent formulas (σ′ from exp, a sum in another order) differ only by rounding.
 */
export const SAME_GRAPH = TOLERANCES.float64;

/** The submission's Value as a program evaluator. */
export const submission: Engine<Value> = {
  leaf: (x) => new student.Value(x),
  unary: (op, a, exponent) => (op === 'pow' ? a.pow(exponent) : a[op]()),
  binary: (op, a, b) => a[op](b),
};

/** The course engine: scalar float64 tensors with requiresGrad; every node keeps its grad. */
export const reference: Engine<Tensor> = {
  leaf: (x) => tensor(x, { dtype: 'float64', requiresGrad: true }),
  unary: (op, a, exponent) => (op === 'pow' ? a.pow(exponent) : a[op]()).retainGrad(),
  binary: (op, a, b) => a[op](b).retainGrad(),
};

/** A number read from the submission, or a failure that says what came back instead. */
export function numberOf(got: unknown, fn: string, what: string): number {
  if (typeof got !== 'number') {
    throw new GradingFailure({ fn, problem: `${what} should be a number, but it is ${got === null ? 'null' : typeof got}.`, got });
  }
  return got;
}

/** Evaluates the program with the engine and returns every node's value and ∂out/∂node. */
export function referenceRun(program: Program): { data: number[]; grads: number[] } {
  const nodes = run(program, reference);
  nodes[nodes.length - 1].backward();
  return { data: nodes.map((t) => t.item()), grads: nodes.map((t) => t.grad?.item() ?? 0) };
}

/** The output of the program on plain numbers, as a function of its leaves (for central differences). */
export function outputOf(program: Program): (leaves: Tensor) => number {
  return (leaves) => {
    const values = run({ leaves: leaves.toArray(), steps: program.steps }, numbers);
    return values[values.length - 1];
  };
}

/** Checks every node's data against plain numbers; returns the submission's nodes. */
export function checkForward(program: Program, nodes: Value[]): void {
  const expected = run(program, numbers);
  nodes.forEach((v, i) => {
    const step = program.steps[i - program.leaves.length];
    const fn = step ? `Value.${step.op}` : 'Value';
    expectClose(numberOf(v.data, fn, `${nodeName(program, i)}.data`), expected[i], {
      fn,
      what: `${nodeName(program, i)}.data in\n    ${listing(program)}\n `,
      tolerance: SAME_GRAPH,
    });
  });
}

/**
 * Compares every node's grad with the expected ∂out/∂node (times `calls`) from the output down,
 * so the first wrong one named is the one closest to the output: the op that USES it is where
 * the gradient went wrong.
 */
export function checkGradients(program: Program, nodes: Value[], expected: number[], options: { only?: 'leaves'; scale?: number; after?: string } = {}): void {
  const scale = options.scale ?? 1;
  const after = options.after ?? `${nodeName(program, nodes.length - 1)}.backward()`;
  const last = options.only === 'leaves' ? program.leaves.length - 1 : nodes.length - 1;
  for (let i = last; i >= 0; i--) {
    const name = nodeName(program, i);
    const got = numberOf(nodes[i].grad, 'Value.backward', `${name}.grad`);
    const want = expected[i] * scale;
    const tolerance = SAME_GRAPH;
    if (Math.abs(got - want) <= tolerance.absolute + tolerance.relative * Math.abs(want) || got === want) continue;
    const where =
      i === nodes.length - 1
        ? 'the output: backward() must give it grad 1 (∂out/∂out)'
        : `it is used by ${consumersOf(program, i).map((k) => stepCode(program, k)).join(' and ')}; every node after it is right`;
    throw new GradingFailure({
      fn: 'Value.backward',
      problem: `${name}.grad is wrong after ${after} (${where}).`,
      expected: want,
      got,
      detail: `the program:\n    ${listing(program)}`,
    });
  }
}

/** The leaves' grads against central differences of the program's output. */
export function checkNumerically(program: Program, nodes: Value[]): void {
  const n = program.leaves.length;
  const analytic = tensor(Float64Array.from(nodes.slice(0, n), (v, i) => numberOf(v.grad, 'Value.backward', `x${i}.grad`)));
  const numeric = numericGradient(outputOf(program), tensor(Float64Array.from(program.leaves)));
  expectGradient(analytic, numeric, [n], { fn: 'Value.backward', what: `[${program.leaves.map((_, i) => `x${i}.grad`).join(', ')}] in\n    ${listing(program)}\n `, inputs: {} });
}

/** Runs the program with the submission, calls backward() and checks data and every gradient against the engine. */
export function checkProgram(program: Program, options: { numeric?: boolean } = {}): Value[] {
  const nodes = run(program, submission);
  checkForward(program, nodes);
  nodes[nodes.length - 1].backward();
  checkGradients(program, nodes, referenceRun(program).grads);
  if (options.numeric) checkNumerically(program, nodes);
  return nodes;
}
