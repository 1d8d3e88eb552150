/**
 * AdaGrad (Duchi, Hazan & Singer 2011), as torch.optim.Adagrad in PyTorch 1.13.
 *
 * Lecture                                   PyTorch (this implementation)
 * ---------------------------------------   ----------------------------------------------------
 * g ← ∇L(w)                                 t ← t + 1
 * G ← G + g²          (G starts at 0)       g ← ∇L(w);  if weightDecay ≠ 0:  g ← g + λ w
 * w ← w − η g / √(G + ε)                    η̃ ← η / (1 + (t − 1) δ)          (lrDecay δ)
 *                                           G ← G + g²                      (G starts at G₀)
 *                                           w ← w − η̃ g / (√G + ε)
 *
 * (Elementwise; η = lr, λ = weightDecay, δ = lrDecay, G₀ = initialAccumulatorValue, t = the
 * parameter's step count.)
 *
 * The same method, with two details of PyTorch: ε is added outside the square root (ε = 1e-10
 * only guards a division by zero where G is 0; inside the root it would be a 1e-5 guard), and
 * η may decay as η / (1 + (t − 1) δ). G only grows, so the effective step η̃/(√G + ε) per
 * coordinate only shrinks: with a constant gradient g it is η/√t (for G₀ = 0, δ = 0).
 *
 * Defaults as PyTorch: lr 0.01, lrDecay 0, weightDecay 0, initialAccumulatorValue 0, eps 1e-10.
 * State per parameter (created at construction, as PyTorch does): step (0) and sum (= G,
 * filled with initialAccumulatorValue).
 */
import type { Tensor } from '../tensor/tensor.js';
import { fullLike } from '../ops/creation.js';
import { noGrad } from '../autograd/grad-mode.js';
import { writeBinary, writeScaledAdd, writeUnary } from '../ops/write-in-place.js';
import { Optimizer, checkNonNegative, type ParamGroup, type ParamGroupSpec, type ParamsArg } from './optimizer.js';

export interface AdaGradOptions {
  lr: number;
  /** δ ≥ 0: the learning rate at step t is lr / (1 + (t − 1) δ). */
  lrDecay: number;
  weightDecay: number;
  /** G₀ ≥ 0, the accumulator's starting value. */
  initialAccumulatorValue: number;
  /** ε, added to √G. */
  eps: number;
}

/** A parameter's state: its step count and the running sum of squared gradients G. */
export type AdaGradState = { step: number; sum: Tensor };

export class AdaGrad extends Optimizer<AdaGradOptions, AdaGradState> {
  constructor(params: ParamsArg<AdaGradOptions>, options: Partial<AdaGradOptions> = {}) {
    super(params, options, {
      name: 'AdaGrad',
      defaults: { lr: 0.01, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 },
      validate: (o) => {
        checkNonNegative('AdaGrad', 'lrDecay', o.lrDecay);
        checkNonNegative('AdaGrad', 'weightDecay', o.weightDecay);
        checkNonNegative('AdaGrad', 'initialAccumulatorValue', o.initialAccumulatorValue);
        checkNonNegative('AdaGrad', 'eps', o.eps);
      },
    });
  }

  /** Adds a group; its parameters' state is created at once (PyTorch creates Adagrad's state
   * in the constructor, so stateDict() has it before the first step). */
  override addParamGroup(spec: ParamGroupSpec<AdaGradOptions>): void {
    super.addParamGroup(spec);
    const group = this.paramGroups[this.paramGroups.length - 1];
    for (const p of group.params) this.state.set(p, this.initState(p, group));
  }

  protected initState(p: Tensor, group: ParamGroup<AdaGradOptions>): AdaGradState {
    return { step: 0, sum: noGrad(() => fullLike(p, group.initialAccumulatorValue)) };
  }

  protected update(p: Tensor, grad: Tensor, state: AdaGradState, group: ParamGroup<AdaGradOptions>): void {
    const { lr, lrDecay, weightDecay, eps } = group;
    state.step += 1;
    const step = state.step;
    // The out-of-place formula, one op at a time into work tensors (see Optimizer.step).
    const work = (): Tensor => this.scratch(p, 0);
    const scaled = (): Tensor => this.scratch(p, 1);
    let g = grad;
    if (weightDecay !== 0) g = writeScaledAdd(work(), grad, p, weightDecay, scaled);
    const clr = lr / (1 + (step - 1) * lrDecay);
    writeBinary(state.sum, 'add', state.sum, writeBinary(scaled(), 'mul', g, g));
    const std = writeBinary(scaled(), 'add', writeUnary(scaled(), 'sqrt', state.sum), eps);
    writeScaledAdd(p, p, writeBinary(scaled(), 'div', g, std), -clr, scaled);
  }
}
