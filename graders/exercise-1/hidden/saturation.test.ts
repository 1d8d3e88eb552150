import { describe } from 'vitest';
import { tensor, type Tensor } from '@dlcourse/engine';
import { expectClose, graded, referenceVjp, TOLERANCES } from '@dlcourse/grading';
import * as student from '@submission/exercise-1';
import { rubric } from '../rubric.js';

/*
 * Hidden: run when the instructor grades, not in the students' repository. Public suites draw
 * inputs from [−10, 10]; a network's pre-activations can be far larger, where a derivative
 * written with e^(−x) overflows although the forward pass was made stable.
 */
const { items } = rubric;
const saturated = tensor([[-800, -50, -1, 0, 1, 50, 800]], { dtype: 'float64' });
const upstream = tensor([[0.5, -1, 2, 1, -0.25, 3, -2]], { dtype: 'float64' });

function checkSaturated(fn: string, backward: (x: Tensor, dY: Tensor) => Tensor, f: (t: Tensor) => Tensor) {
  expectClose(backward(saturated, upstream), referenceVjp(f, saturated, upstream), {
    fn,
    what: 'dL/dX at saturated inputs (it must be finite: 0 where the activation is flat)',
    inputs: { x: saturated, dY: upstream },
    tolerance: TOLERANCES.float64,
  });
}

describe('saturated activations (hidden)', () => {
  graded(items.saturatedBackward, () => {
    checkSaturated('sigmoidBackward', student.sigmoidBackward, (t) => t.sigmoid());
    checkSaturated('tanhBackward', student.tanhBackward, (t) => t.tanh());
    checkSaturated('softmaxBackward', student.softmaxBackward, (t) => t.softmax(-1));
  });
});
