/**
 * Adam (Kingma & Ba 2015), as torch.optim.Adam in PyTorch 1.13, with the AMSGrad variant
 * (Reddi, Kale & Kumar 2018).
 *
 * Lecture                                   PyTorch (this implementation)
 * ---------------------------------------   ----------------------------------------------------
 * g ← ∇L(w)                                 t ← t + 1
 * m ← β1 m + (1 − β1) g                     g ← ∇L(w);  if weightDecay ≠ 0:  g ← g + λ w
 * v ← β2 v + (1 − β2) g²                    m ← β1 m + (1 − β1) g            (m, v start at 0)
 * w ← w − η m / (√v + ε)                    v ← β2 v + (1 − β2) g²
 *                                           m̂ ← m / (1 − β1ᵗ)
 *                                           if amsgrad:  v_max ← max(v_max, v);  v̂ ← v_max / (1 − β2ᵗ)
 *                                           else:        v̂ ← v / (1 − β2ᵗ)
 *                                           w ← w − η m̂ / (√v̂ + ε)
 *
 * (Elementwise; η = lr, (β1, β2) = betas, λ = weightDecay (an L2 penalty added to the
 * gradient, not AdamW's decoupled decay), t = the parameter's step count.)
 *
 * The lecture's Adam has NO bias correction; PyTorch's (the paper's) has. Since m and v start
 * at 0 they are biased towards 0 in the first steps: after t steps of a constant gradient g,
 * m = (1 − β1ᵗ) g and v = (1 − β2ᵗ) g²; dividing by (1 − β1ᵗ) and (1 − β2ᵗ) removes that
 * factor. Without it the first step is η (1 − β1)/√(1 − β2) · g/|g| ≈ 3.16 η with the default
 * betas instead of η; the two forms agree once β1ᵗ and β2ᵗ are ≈ 0 (t ≫ 1/(1 − β2) = 1000).
 * As PyTorch computes it: step size η / (1 − β1ᵗ), denominator √v / √(1 − β2ᵗ) + ε (ε is added
 * after the correction).
 *
 * Defaults as PyTorch: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, amsgrad false.
 * State per parameter, created at its first step: step, expAvg (m), expAvgSq (v), maxExpAvgSq
 * (v_max, when amsgrad).
 */
import type { Tensor } from '../tensor/tensor.js';
import { zerosLike } from '../ops/creation.js';
import { writeBinary, writeScaledAdd, writeUnary } from '../ops/write-in-place.js';
import { writeAdamStep } from '../ops/write-adam-step.js';
import { Optimizer, checkBetas, checkNonNegative, type ParamGroup, type ParamsArg } from './optimizer.js';

export interface AdamOptions {
  lr: number;
  /** [β1, β2], each in [0, 1). */
  betas: [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}

export type AdamState = { step: number; expAvg: Tensor; expAvgSq: Tensor; maxExpAvgSq?: Tensor };

export class Adam extends Optimizer<AdamOptions, AdamState> {
  constructor(params: ParamsArg<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super(params, options, {
      name: 'Adam',
      defaults: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
      validate: (o) => {
        checkNonNegative('Adam', 'eps', o.eps);
        checkBetas('Adam', o.betas);
        checkNonNegative('Adam', 'weightDecay', o.weightDecay);
      },
    });
  }

  protected initState(p: Tensor, group: ParamGroup<AdamOptions>): AdamState {
    const state: AdamState = { step: 0, expAvg: zerosLike(p), expAvgSq: zerosLike(p) };
    if (group.amsgrad) state.maxExpAvgSq = zerosLike(p);
    return state;
  }

  protected update(p: Tensor, grad: Tensor, state: AdamState, group: ParamGroup<AdamOptions>): void {
    const { lr, betas, eps, weightDecay, amsgrad } = group;
    const [beta1, beta2] = betas;
    state.step += 1;
    const step = state.step;
    // Created here if `amsgrad` was switched on after the first step.
    if (amsgrad) state.maxExpAvgSq ??= zerosLike(p);
    const scalars = { beta1, beta2, weightDecay, eps, biasCorrection2Sqrt: Math.sqrt(1 - beta2 ** step), stepSize: lr / (1 - beta1 ** step) };
    // One pass where the backend has it, with the same bits as the primitives below.
    if (writeAdamStep({ param: p, grad, expAvg: state.expAvg, expAvgSq: state.expAvgSq, maxExpAvgSq: amsgrad ? state.maxExpAvgSq : undefined }, scalars)) return;
    // The out-of-place formula, one op at a time into work tensors (see Optimizer.step).
    const work = (): Tensor => this.scratch(p, 0);
    const scaled = (): Tensor => this.scratch(p, 1);
    const { expAvg, expAvgSq } = state;
    let g = grad;
    if (weightDecay !== 0) g = writeScaledAdd(work(), grad, p, weightDecay, scaled);
    writeBinary(expAvg, 'mul', expAvg, beta1);
    writeScaledAdd(expAvg, expAvg, g, 1 - beta1, scaled);
    writeBinary(expAvgSq, 'mul', expAvgSq, beta2);
    writeScaledAdd(expAvgSq, expAvgSq, writeBinary(scaled(), 'mul', g, g), 1 - beta2, scaled);
    const { stepSize, biasCorrection2Sqrt } = scalars;
    let second = expAvgSq;
    if (amsgrad) second = writeBinary(state.maxExpAvgSq!, 'maximum', state.maxExpAvgSq!, expAvgSq);
    // denom = √v̂ / √(1 − β2ᵗ) + ε, then w ← w + (m / denom)·(−η / (1 − β1ᵗ))
    const denom = writeBinary(scaled(), 'add', writeBinary(scaled(), 'div', writeUnary(scaled(), 'sqrt', second), biasCorrection2Sqrt), eps);
    writeScaledAdd(p, p, writeBinary(scaled(), 'div', expAvg, denom), -stepSize, scaled);
  }
}
