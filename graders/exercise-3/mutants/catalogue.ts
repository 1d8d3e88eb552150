import type { Mutant } from '@dlcourse/grading/proof';

/** Known-wrong implementations of exercise 3 and the rubric items that must catch each. */
export const mutants: Mutant[] = [
  { file: 'sgd-plus-sign.ts', mistake: 'SGD steps w + η·g (the typo in the lecture notes)', caughtBy: ['sgd', 'quadratic'] },
  { file: 'momentum-wrong-sign.ts', mistake: 'Momentum updates w ← w + v', caughtBy: ['momentum', 'quadratic', 'rosenbrock'] },
  { file: 'momentum-no-state.ts', mistake: 'Momentum keeps no velocity between calls (plain SGD)', caughtBy: ['momentum', 'quadratic', 'rosenbrock'] },
  { file: 'momentum-shared-state.ts', mistake: 'Momentum keeps its velocity in a module variable shared by all objects', caughtBy: ['momentum', 'independentState', 'quadratic', 'rosenbrock'] },
  { file: 'momentum-in-place.ts', mistake: 'Momentum updates the caller’s params in place (sub_)', caughtBy: ['independentState'] },
  { file: 'adagrad-no-accumulation.ts', mistake: 'AdaGrad uses G = g² of the current step, not the running sum', caughtBy: ['adagrad', 'adagradShrinks', 'quadratic'] },
  { file: 'adagrad-no-eps.ts', mistake: 'AdaGrad without ε: 0/0 = NaN where the gradient is 0', caughtBy: ['adagrad'] },
  { file: 'rmsprop-beta-swapped.ts', mistake: 'RMSProp with β and 1 − β swapped', caughtBy: ['rmsprop', 'quadratic'] },
  { file: 'rmsprop-no-decay.ts', mistake: 'RMSProp never decays E (a sum, like AdaGrad)', caughtBy: ['rmsprop', 'rmspropForgets', 'quadratic'] },
  { file: 'adam-no-bias-correction.ts', mistake: 'Adam without bias correction (the lecture’s form)', caughtBy: ['adam'] },
  { file: 'adam-second-moment-not-squared.ts', mistake: 'Adam averages g instead of g² in the second moment', caughtBy: ['adam', 'quadratic', 'rosenbrock'] },
  { file: 'adam-step-not-incremented.ts', mistake: 'Adam’s step count t is never incremented (bias correction of step 1 forever)', caughtBy: ['adam'] },
  { file: 'minimize-max-iterations-off-by-one.ts', mistake: 'minimize makes maxIterations + 1 steps', caughtBy: ['stopMaxIterations'] },
  { file: 'minimize-max-iterations-checked-first.ts', mistake: 'minimize checks the step limit before the other criteria', caughtBy: ['stopMaxIterations', 'stopTargetLoss'] },
  { file: 'minimize-tolerance-le.ts', mistake: 'minimize tests the tolerance with ≤ instead of <', caughtBy: ['stopTolerance'] },
  { file: 'minimize-no-divergence.ts', mistake: 'minimize never checks divergence', caughtBy: ['stopDivergence'] },
  { file: 'minimize-losses-without-f0.ts', mistake: 'minimize leaves f(x0) out of losses', caughtBy: ['stopMaxIterations', 'stopTolerance', 'stopTargetLoss', 'stopDivergence'] },
];
