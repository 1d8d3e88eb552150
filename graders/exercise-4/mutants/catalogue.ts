import type { Mutant } from '@dlcourse/grading/proof';

/** Known-wrong implementations of exercise 4 and the rubric items that must catch each. */
export const mutants: Mutant[] = [
  { file: 'grad-assigned.ts', mistake: 'every backward step assigns child.grad = … instead of adding +=', caughtBy: ['useTwice', 'randomGraphs', 'backwardTwice', 'sum'] },
  {
    file: 'recursive-backward-no-topological-order.ts',
    mistake: 'backward recurses into the children at once, without a topological order (a shared node passes on a partial gradient)',
    caughtBy: ['useTwice', 'randomGraphs', 'deepChain'],
  },
  { file: 'recursive-topological-sort.ts', mistake: 'the topological order is built by a recursive DFS (stack overflow on a deep chain)', caughtBy: ['deepChain'] },
  { file: 'no-seed.ts', mistake: 'backward never seeds the output with grad 1', caughtBy: ['arithmetic', 'pow', 'expLog', 'tanh', 'sigmoid', 'relu', 'randomGraphs', 'deepChain', 'sum'] },
  { file: 'no-reset-between-calls.ts', mistake: 'backward sets the output’s grad to 1 but never resets the intermediate grads (micrograd)', caughtBy: ['backwardTwice'] },
  { file: 'tanh-derivative-not-squared.ts', mistake: 'tanh′ = 1 − tanh instead of 1 − tanh²', caughtBy: ['tanh', 'randomGraphs', 'deepChain'] },
  { file: 'tanh-ignores-upstream.ts', mistake: 'tanh’s backward adds 1 − tanh² without multiplying by out.grad', caughtBy: ['useTwice', 'randomGraphs', 'deepChain'] },
  { file: 'pow-derivative-no-factor.ts', mistake: '∂aⁿ/∂a = aⁿ⁻¹, the factor n missing', caughtBy: ['pow', 'arithmetic', 'randomGraphs'] },
  { file: 'pow-derivative-exponent-not-lowered.ts', mistake: '∂aⁿ/∂a = n·aⁿ, the exponent not lowered', caughtBy: ['pow', 'arithmetic', 'randomGraphs'] },
  { file: 'log-derivative-squared.ts', mistake: '∂ln a/∂a = 1/a² instead of 1/a', caughtBy: ['expLog', 'randomGraphs'] },
  { file: 'log-derivative-is-a.ts', mistake: '∂ln a/∂a = a instead of 1/a', caughtBy: ['expLog', 'randomGraphs'] },
  { file: 'exp-derivative-is-a.ts', mistake: '∂eᵃ/∂a = a instead of eᵃ', caughtBy: ['expLog', 'randomGraphs'] },
  { file: 'sigmoid-derivative-sigma.ts', mistake: 'σ′ = σ instead of σ(1 − σ)', caughtBy: ['sigmoid', 'randomGraphs'] },
  { file: 'relu-passes-negatives.ts', mistake: 'ReLU’s backward passes the gradient where a < 0', caughtBy: ['relu', 'randomGraphs'] },
  { file: 'mul-backward-uses-grad.ts', mistake: 'mul’s backward uses the other operand’s grad instead of its data (a.grad += b.grad·out.grad)', caughtBy: ['arithmetic', 'useTwice', 'randomGraphs'] },
  { file: 'mul-backward-own-operand.ts', mistake: 'mul’s backward gives each operand its own value (a.grad += a·out.grad)', caughtBy: ['arithmetic', 'randomGraphs'] },
  { file: 'sum-assigns.ts', mistake: 'sum’s backward assigns v.grad = out.grad, so repeated entries count once', caughtBy: ['sum'] },
];
