import type { Mutant } from '@dlcourse/grading/proof';

/** Known-wrong implementations of exercise 1 and the rubric items that must catch each. */
export const mutants: Mutant[] = [
  { file: 'sigmoid-backward-uses-sigma.ts', mistake: 'sigmoid backward uses σ instead of σ(1−σ)', caughtBy: ['sigmoidBackward'] },
  { file: 'sigmoid-backward-ignores-upstream.ts', mistake: 'sigmoid backward forgets the upstream gradient', caughtBy: ['sigmoidBackward'] },
  { file: 'sigmoid-backward-overflows.ts', mistake: 'sigmoid backward as e⁻ˣ/(1+e⁻ˣ)², NaN once e⁻ˣ overflows', caughtBy: ['saturatedBackward'] },
  { file: 'sigmoid-sign-error.ts', mistake: 'sigmoid computed as 1/(1+eˣ)', caughtBy: ['sigmoidForward'] },
  { file: 'tanh-overflows.ts', mistake: 'tanh as (eˣ−e⁻ˣ)/(eˣ+e⁻ˣ), NaN for large |x|', caughtBy: ['tanhProperties'] },
  { file: 'tanh-backward-not-squared.ts', mistake: 'tanh backward uses 1−tanh instead of 1−tanh²', caughtBy: ['tanhBackward'] },
  { file: 'relu-leaky.ts', mistake: 'leaky ReLU instead of ReLU', caughtBy: ['reluForward'] },
  { file: 'relu-backward-passes-negatives.ts', mistake: 'ReLU backward passes the gradient where x < 0', caughtBy: ['reluBackward'] },
  { file: 'softmax-no-max-shift.ts', mistake: 'softmax without subtracting the max', caughtBy: ['softmaxStability'] },
  { file: 'softmax-wrong-axis.ts', mistake: 'softmax normalised over the wrong dim', caughtBy: ['softmaxForward'] },
  { file: 'softmax-backward-diagonal-only.ts', mistake: 'softmax backward with only the Jacobian diagonal', caughtBy: ['softmaxBackward'] },
];
