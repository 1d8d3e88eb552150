/**
 * RMSProp (Hinton, Coursera lecture 6e, 2012), as torch.optim.RMSprop in PyTorch 1.13.
 *
 * Lecture                                   PyTorch (this implementation)
 * ---------------------------------------   ----------------------------------------------------
 * g ← ∇L(w)                                 g ← ∇L(w);  if weightDecay ≠ 0:  g ← g + λ w
 * E[g²] ← β E[g²] + (1 − β) g²              v ← α v + (1 − α) g²             (v starts at 0)
 * w ← w − η g / √(E[g²] + ε)                if centered:
 *                                             ḡ ← α ḡ + (1 − α) g            (ḡ starts at 0)
 *                                             s ← √(v − ḡ²) + ε
 *                                           else:
 *                                             s ← √v + ε
 *                                           if momentum μ > 0:
 *                                             b ← μ b + g / s                (b starts at 0)
 *                                             w ← w − η b
 *                                           else:
 *                                             w ← w − η g / s
 *
 * (Elementwise; η = lr, β = α = alpha, λ = weightDecay.)
 *
 * The plain form is the lecture's, with ε outside the square root in PyTorch (√v + ε rather
 * than √(v + ε); with ε = 1e-8 the two differ only where v is tiny). Unlike AdaGrad's sum, the
 * average v forgets: a gradient seen k steps ago weighs α^k (1 − α), so after a burst of large
 * gradients the step size recovers. `centered` divides by an estimate of the gradient's
 * standard deviation instead (v − ḡ² is the variance estimate); `momentum` accumulates the
 * normalised steps g / s in a buffer, as SGD's momentum does with g.
 *
 * Defaults as PyTorch: lr 0.01, alpha 0.99, eps 1e-8, weightDecay 0, momentum 0, centered false.
 * State per parameter, created at its first step: step, squareAvg (v), momentumBuffer (b, when
 * momentum > 0), gradAvg (ḡ, when centered).
 */
import type { Tensor } from '../tensor/tensor.js';
import { zerosLike } from '../ops/creation.js';
import { writeBinary, writeScaledAdd, writeUnary } from '../ops/write-in-place.js';
import { Optimizer, checkNonNegative, type ParamGroup, type ParamsArg } from './optimizer.js';

export interface RMSPropOptions {
  lr: number;
  /** α, the smoothing constant of the running averages (the lecture's β). */
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  /** Normalise by the gradient's estimated standard deviation instead of its RMS. */
  centered: boolean;
}

export type RMSPropState = { step: number; squareAvg: Tensor; momentumBuffer?: Tensor; gradAvg?: Tensor };

export class RMSProp extends Optimizer<RMSPropOptions, RMSPropState> {
  constructor(params: ParamsArg<RMSPropOptions>, options: Partial<RMSPropOptions> = {}) {
    super(params, options, {
      name: 'RMSProp',
      defaults: { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false },
      validate: (o) => {
        checkNonNegative('RMSProp', 'alpha', o.alpha);
        checkNonNegative('RMSProp', 'eps', o.eps);
        checkNonNegative('RMSProp', 'weightDecay', o.weightDecay);
        checkNonNegative('RMSProp', 'momentum', o.momentum);
      },
    });
  }

  protected initState(p: Tensor, group: ParamGroup<RMSPropOptions>): RMSPropState {
    const state: RMSPropState = { step: 0, squareAvg: zerosLike(p) };
    if (group.momentum > 0) state.momentumBuffer = zerosLike(p);
    if (group.centered) state.gradAvg = zerosLike(p);
    return state;
  }

  protected update(p: Tensor, grad: Tensor, state: RMSPropState, group: ParamGroup<RMSPropOptions>): void {
    const { lr, alpha, eps, weightDecay, momentum, centered } = group;
    state.step += 1;
    // The out-of-place formula, one op at a time into work tensors (see Optimizer.step).
    const work = (): Tensor => this.scratch(p, 0);
    const scaled = (): Tensor => this.scratch(p, 1);
    const { squareAvg } = state;
    let g = grad;
    if (weightDecay !== 0) g = writeScaledAdd(work(), grad, p, weightDecay, scaled);
    writeBinary(squareAvg, 'mul', squareAvg, alpha);
    writeScaledAdd(squareAvg, squareAvg, writeBinary(scaled(), 'mul', g, g), 1 - alpha, scaled);
    let avg: Tensor;
    if (centered) {
      // Created here if `centered` was switched on after the first step.
      const gradAvg = (state.gradAvg ??= zerosLike(p));
      writeBinary(gradAvg, 'mul', gradAvg, alpha);
      writeScaledAdd(gradAvg, gradAvg, g, 1 - alpha, scaled);
      avg = writeUnary(scaled(), 'sqrt', writeBinary(scaled(), 'sub', squareAvg, writeBinary(scaled(), 'mul', gradAvg, gradAvg)));
    } else {
      avg = writeUnary(scaled(), 'sqrt', squareAvg);
    }
    avg = writeBinary(scaled(), 'add', avg, eps);
    if (momentum > 0) {
      const buf = (state.momentumBuffer ??= zerosLike(p));
      writeBinary(buf, 'mul', buf, momentum);
      writeBinary(buf, 'add', buf, writeBinary(scaled(), 'div', g, avg));
      writeScaledAdd(p, p, buf, -lr, scaled);
    } else {
      writeScaledAdd(p, p, writeBinary(scaled(), 'div', g, avg), -lr, scaled);
    }
  }
}
