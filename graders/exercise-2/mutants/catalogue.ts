import type { Mutant } from '@dlcourse/grading/proof';

/** Known-wrong implementations of exercise 2 and the rubric items that must catch each. */
export const mutants: Mutant[] = [
  { file: 'linear-forward-no-bias.ts', mistake: 'linear forward without the bias, Y = X·W', caughtBy: ['linearForward'] },
  { file: 'linear-backward-dw-transposed.ts', mistake: 'dW transposed, dYᵀ·X instead of Xᵀ·dY', caughtBy: ['linearBackwardDW', 'linearBackwardShapes'] },
  { file: 'linear-backward-dx-no-transpose.ts', mistake: 'dX = dY·W without the transpose of W', caughtBy: ['linearBackwardDX', 'linearBackwardShapes'] },
  { file: 'linear-backward-db-first-row.ts', mistake: 'db from the first sample only, dY[0]', caughtBy: ['linearBackwardDb'] },
  { file: 'linear-backward-db-mean.ts', mistake: 'db as the mean over the batch instead of the sum', caughtBy: ['linearBackwardDb'] },
  { file: 'linear-backward-db-not-summed.ts', mistake: 'db = dY, not summed over the batch', caughtBy: ['linearBackwardDb', 'linearBackwardShapes'] },
  { file: 'mse-loss-sum.ts', mistake: 'MSE as the sum of squared errors instead of the mean', caughtBy: ['mseLoss'] },
  { file: 'mse-loss-returns-tensor.ts', mistake: 'mseLoss returns a Tensor instead of a number', caughtBy: ['mseLoss'] },
  { file: 'mse-backward-no-two-over-n.ts', mistake: 'MSE gradient without the factor 2/n', caughtBy: ['mseBackward'] },
  { file: 'mse-backward-rows-only.ts', mistake: 'MSE gradient divided by the rows N instead of all n elements', caughtBy: ['mseBackward'] },
  { file: 'two-layer-backward-no-relu-mask.ts', mistake: 'two-layer backward forgets the ReLU mask, dT = dH', caughtBy: ['twoLayerBackwardDW1'] },
  { file: 'two-layer-backward-mask-is-h.ts', mistake: 'ReLU backward multiplies by H instead of the mask [T > 0]', caughtBy: ['twoLayerBackwardDW1'] },
  { file: 'two-layer-backward-dw1-uses-h.ts', mistake: 'dW1 = Hᵀ·dT instead of Xᵀ·dT', caughtBy: ['twoLayerBackwardDW1'] },
  { file: 'two-layer-backward-dw2-uses-t.ts', mistake: 'dW2 = Tᵀ·dŶ, before the ReLU, instead of Hᵀ·dŶ', caughtBy: ['twoLayerBackwardDW2'] },
  { file: 'collapse-wrong-order.ts', mistake: 'collapsed weights in the wrong order, W2·W1', caughtBy: ['collapseLinear'] },
  { file: 'collapse-bias-sum.ts', mistake: 'collapsed bias b1 + b2 instead of b1·W2 + b2', caughtBy: ['collapseLinear'] },
];
