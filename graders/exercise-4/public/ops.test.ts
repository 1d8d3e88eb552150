import fc from 'fast-check';
import { describe } from 'vitest';
import { tensor, type Tensor } from '@dlcourse/engine';
import { checkProperty, expectClose, expectGradient, graded, numericGradient, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-4';
import { rubric } from '../rubric.js';
import { numberOf, type Value } from './support.js';

const { items } = rubric;

/** One op applied to fresh leaves x (and y), with its formula on plain numbers. */
interface OpCase {
  /** The call as the student writes it, e.g. 'x.mul(y)'. */
  code: string;
  fn: string;
  build: (x: Value, y: Value) => Value;
  plain: (x: number, y: number) => number;
}

/** Quarters in [min, max] (failures shrink to readable numbers), optionally not 0. */
const quarters = (min: number, max: number, nonZero = false) =>
  fc
    .integer({ min: Math.ceil(min * 4), max: Math.floor(max * 4) })
    .filter((k) => !nonZero || k !== 0)
    .map((k) => k / 4);

/**
 * out = op(x, y) from fresh leaves, out.backward(): out.data against the formula, and the
 * leaves' grad [x.grad, y.grad] against central differences of the formula (README §4.3).
 */
function checkOp(c: OpCase, x: number, y: number): void {
  const [vx, vy] = [new student.Value(x), new student.Value(y)];
  const out = c.build(vx, vy);
  // A unary case (x.tanh(), x.add(2.5)) never touches y: only x is shown and checked.
  const unary = c.build.length < 2;
  const inputs = unary ? { x } : { x, y };
  expectClose(numberOf(out?.data, c.fn, `${c.code}.data`), c.plain(x, y), { fn: c.fn, what: `${c.code}.data`, inputs, tolerance: TOLERANCES.float64 });
  out.backward();
  const leaves = unary ? [x] : [x, y];
  const analytic = tensor(Float64Array.from(leaves, (_, i) => numberOf([vx, vy][i].grad, c.fn, ['x', 'y'][i] + '.grad')));
  const numeric = numericGradient((t: Tensor) => {
    const [a, b = y] = t.toArray();
    return c.plain(a, b);
  }, tensor(Float64Array.from(leaves)));
  expectGradient(analytic, numeric, [leaves.length], { fn: c.fn, what: `${unary ? 'x.grad' : '[x.grad, y.grad]'} after ${c.code}.backward()`, inputs });
}

function checkOps(cases: OpCase[], values: fc.Arbitrary<{ x: number; y: number }>): void {
  checkProperty(values, ({ x, y }) => {
    for (const c of cases) checkOp(c, x, y);
  });
}

describe('arithmetic', () => {
  graded(items.arithmetic, () => {
    checkOps(
      [
        { code: 'x.add(y)', fn: 'Value.add', build: (x, y) => x.add(y), plain: (x, y) => x + y },
        { code: 'x.mul(y)', fn: 'Value.mul', build: (x, y) => x.mul(y), plain: (x, y) => x * y },
        { code: 'x.neg()', fn: 'Value.neg', build: (x) => x.neg(), plain: (x) => -x },
        { code: 'x.sub(y)', fn: 'Value.sub', build: (x, y) => x.sub(y), plain: (x, y) => x - y },
        { code: 'x.div(y)', fn: 'Value.div', build: (x, y) => x.div(y), plain: (x, y) => x / y },
        { code: 'x.add(2.5)', fn: 'Value.add', build: (x) => x.add(2.5), plain: (x) => x + 2.5 },
        { code: 'x.mul(-1.5)', fn: 'Value.mul', build: (x) => x.mul(-1.5), plain: (x) => x * -1.5 },
        { code: 'x.sub(0.5)', fn: 'Value.sub', build: (x) => x.sub(0.5), plain: (x) => x - 0.5 },
        { code: 'x.div(4)', fn: 'Value.div', build: (x) => x.div(4), plain: (x) => x / 4 },
      ],
      fc.record({ x: quarters(-3, 3), y: quarters(-3, 3, true) }),
    );
  });
});

describe('pow', () => {
  graded(items.pow, () => {
    const integerPowers = fc.record({ x: quarters(-3, 3, true), n: fc.integer({ min: -2, max: 3 }) });
    const fractionalPowers = fc.record({ x: quarters(0.25, 3), n: fc.constantFrom(0.5, 1.5, 2.5, -0.5) });
    checkProperty(fc.oneof(integerPowers, fractionalPowers), ({ x, n }) => {
      checkOp({ code: `x.pow(${n})`, fn: 'Value.pow', build: (v) => v.pow(n), plain: (a) => a ** n }, x, 1);
    });
  });
});

describe('exp and log', () => {
  graded(items.expLog, () => {
    checkOps([{ code: 'x.exp()', fn: 'Value.exp', build: (x) => x.exp(), plain: Math.exp }], fc.record({ x: quarters(-3, 3), y: fc.constant(1) }));
    checkOps([{ code: 'x.log()', fn: 'Value.log', build: (x) => x.log(), plain: Math.log }], fc.record({ x: quarters(0.25, 5), y: fc.constant(1) }));
  });
});

describe('tanh and sigmoid', () => {
  graded(items.tanh, () => {
    checkOps([{ code: 'x.tanh()', fn: 'Value.tanh', build: (x) => x.tanh(), plain: Math.tanh }], fc.record({ x: quarters(-3, 3), y: fc.constant(1) }));
  });

  graded(items.sigmoid, () => {
    checkOps([{ code: 'x.sigmoid()', fn: 'Value.sigmoid', build: (x) => x.sigmoid(), plain: (x) => 1 / (1 + Math.exp(-x)) }], fc.record({ x: quarters(-5, 5), y: fc.constant(1) }));
  });
});

describe('relu', () => {
  graded(items.relu, () => {
    // x ≠ 0 keeps every input off the kink, where the derivative is not defined.
    checkProperty(quarters(-3, 3, true), (x) => {
      const v = new student.Value(x);
      const out = v.relu();
      expectClose(numberOf(out?.data, 'Value.relu', 'x.relu().data'), Math.max(x, 0), { fn: 'Value.relu', what: 'x.relu().data', inputs: { x }, tolerance: { relative: 0, absolute: 0 } });
      out.backward();
      expectClose(numberOf(v.grad, 'Value.relu', 'x.grad'), x > 0 ? 1 : 0, { fn: 'Value.relu', what: 'x.grad after x.relu().backward()', inputs: { x }, tolerance: { relative: 0, absolute: 0 } });
    });
  });
});
