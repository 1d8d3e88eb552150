/**
 * Stochastic gradient descent, optionally with momentum (torch.optim.SGD, PyTorch 1.13).
 *
 * Lecture                                   PyTorch (this implementation)
 * ---------------------------------------   -----------------------------------------------------
 * gradient descent:  w ← w − η ∇L           g ← ∇L(w);  if weightDecay ≠ 0:  g ← g + λ w
 *                                           if momentum μ ≠ 0:
 * momentum:          v ← γ v + η ∇L           b ← g                 at the parameter's first step
 *                    w ← w − v                b ← μ b + (1 − τ) g   at every later step
 *                                             g ← g + μ b if nesterov, else g ← b
 *                                           w ← w − η g
 *
 * The lecture notes print gradient descent as "w ← w + η∇L": a typo (adding the gradient
 * climbs the loss); the update is w ← w − η∇L.
 *
 * (η = lr, γ = μ = momentum, τ = dampening, λ = weightDecay.)
 *
 * The two momentum forms are the same method when η is constant and τ = 0: PyTorch's buffer
 * is the lecture's velocity without the learning rate folded in, v = η b, so
 * v ← γ v + η ∇L  ⇔  η b ← γ η b + η ∇L  ⇔  b ← γ b + ∇L, and w ← w − v = w − η b. They differ
 * only when η changes during training (a schedule): the lecture's v keeps the old η inside,
 * PyTorch's b applies the new η to the whole buffer at once. With τ > 0 PyTorch also scales the
 * new gradient by (1 − τ), except at the first step, where the buffer is a copy of g.
 *
 * Nesterov (Sutskever et al. 2013, in PyTorch's form): the step uses g + μ b, the gradient plus
 * the momentum's next push, instead of b. It needs μ > 0 and τ = 0.
 *
 * Defaults as PyTorch: lr is required; momentum 0, dampening 0, weightDecay 0, nesterov false.
 * State per parameter: momentumBuffer (only when momentum ≠ 0), created at its first step.
 */
import type { Tensor } from '../tensor/tensor.js';
import { writeBinary, writeScaledAdd } from '../ops/write-in-place.js';
import { Optimizer, checkNonNegative, invalidOption, type ParamGroup, type ParamGroupSpec } from './optimizer.js';

export interface SGDOptions {
  /** The learning rate η (required). */
  lr: number;
  /** μ ≥ 0; 0 is plain gradient descent. */
  momentum: number;
  /** τ: the new gradient enters the momentum buffer scaled by 1 − τ (not at the first step). */
  dampening: number;
  /** λ ≥ 0: adds λ w to the gradient (L2 penalty λ/2 ‖w‖²). */
  weightDecay: number;
  /** Nesterov momentum (needs momentum > 0 and dampening = 0). */
  nesterov: boolean;
}

/** A parameter's state: the momentum buffer b, from its first step on (momentum ≠ 0 only). */
export type SGDState = { momentumBuffer?: Tensor };

export class SGD extends Optimizer<SGDOptions, SGDState> {
  constructor(params: Iterable<Tensor>, options: Partial<SGDOptions> & { lr: number });
  constructor(params: Iterable<ParamGroupSpec<SGDOptions>>, options?: Partial<SGDOptions>);
  constructor(params: Iterable<Tensor> | Iterable<ParamGroupSpec<SGDOptions>>, options: Partial<SGDOptions> = {}) {
    super(params, options, {
      name: 'SGD',
      defaults: { lr: undefined, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false },
      validate: (o) => {
        checkNonNegative('SGD', 'momentum', o.momentum);
        checkNonNegative('SGD', 'weightDecay', o.weightDecay);
        if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) {
          invalidOption(
            'SGD',
            'nesterov',
            o.nesterov,
            `Nesterov momentum requires a momentum > 0 and zero dampening (got momentum ${o.momentum}, dampening ${o.dampening})`,
          );
        }
      },
    });
  }

  protected initState(): SGDState {
    return {};
  }

  protected update(p: Tensor, grad: Tensor, state: SGDState, group: ParamGroup<SGDOptions>): void {
    const { lr, momentum, dampening, weightDecay, nesterov } = group;
    // The out-of-place formula, one op at a time into work tensors: d = g + λw; b = μb + (1 − τ)d; …
    const work = (): Tensor => this.scratch(p, 0);
    const scaled = (): Tensor => this.scratch(p, 1);
    let d = grad;
    if (weightDecay !== 0) d = writeScaledAdd(work(), grad, p, weightDecay, scaled);
    if (momentum !== 0) {
      let buf = state.momentumBuffer;
      if (buf === undefined) {
        buf = d.clone();
        state.momentumBuffer = buf;
      } else {
        writeBinary(buf, 'mul', buf, momentum);
        writeScaledAdd(buf, buf, d, 1 - dampening, scaled);
      }
      d = nesterov ? writeScaledAdd(work(), d, buf, momentum, scaled) : buf;
    }
    writeScaledAdd(p, p, d, -lr, scaled);
  }
}
