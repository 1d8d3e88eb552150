/** Every error an optimizer reports, and its message. */
import { describe, it, expect } from 'vitest';
import { tensor } from '../../src/index.js';
import { SGD, AdaGrad, RMSProp, Adam } from '../../src/optim/index.js';
import { f64, setGrad } from './helpers.js';

const param = () => f64([1, 2], true);
// Options passed as `any`: these are the mistakes TypeScript would catch, made from JavaScript.
const any = (x: unknown): any => x;

describe('parameters', () => {
  it('an empty parameter list', () => {
    for (const make of [() => new SGD([], { lr: 0.1 }), () => new AdaGrad([]), () => new RMSProp([]), () => new Adam([])]) {
      expect(make).toThrow(/optimizer got an empty parameter list/);
    }
    expect(() => new Adam([{ params: [] }])).toThrow(/empty parameter list \(in parameter group 0\)/);
    expect(() => new Adam(any(undefined))).toThrow(/params must be an iterable of tensors/);
  });

  it('a parameter that does not require grad', () => {
    expect(() => new Adam([f64([1]), param()])).toThrow(/Adam: parameter 0 of group 0 \(shape \[1\]\) does not require grad/);
    expect(() => new SGD([param(), f64([1, 2, 3])], { lr: 1 })).toThrow(/SGD: parameter 1 of group 0 \(shape \[3\]\) does not require grad/);
  });

  it('a non-leaf tensor, a non-tensor, a single tensor, a duplicate, tensors mixed with groups', () => {
    const p = param();
    expect(() => new Adam([p.mul(2)])).toThrow(/parameter 0 of group 0 is not a leaf tensor/);
    expect(() => new Adam(any([{ params: [p, 3] }]))).toThrow(/parameter 1 of group 0 is not a Tensor \(got number\)/);
    expect(() => new Adam(any(p))).toThrow(/got a single tensor \(wrap it in a list: \[p\]\)/);
    expect(() => new Adam([p, p])).toThrow(/parameter 1 of group 0 appears more than once/);
    expect(() => new Adam([{ params: [p] }, { params: [p] }])).toThrow(/parameter 0 of group 1 appears more than once/);
    expect(() => new Adam(any([p, { params: [param()] }]))).toThrow(/a parameter group must be an object \{ params: \[tensors\], …options \}/);
  });
});

describe('options', () => {
  it('SGD: lr is required', () => {
    expect(() => new SGD([param()], any({}))).toThrow(/SGD: the option lr is required but was not given/);
    expect(() => new SGD(any([param()]))).toThrow(/SGD: the option lr is required/);
    expect(() => new SGD([{ params: [param()] }])).toThrow(/the option lr is required but was not given \(in the options or in parameter group 0\)/);
  });

  it('lr negative, NaN, infinite or not a number', () => {
    const makers = [
      (lr: number) => new SGD([param()], { lr }),
      (lr: number) => new AdaGrad([param()], { lr }),
      (lr: number) => new RMSProp([param()], { lr }),
      (lr: number) => new Adam([param()], { lr }),
    ];
    for (const make of makers) {
      expect(() => make(-0.1)).toThrow(/invalid learning rate lr -0.1: lr must be a finite number ≥ 0/);
      expect(() => make(NaN)).toThrow(/invalid learning rate lr NaN/);
      expect(() => make(Infinity)).toThrow(/invalid learning rate lr Infinity/);
      expect(() => make(any('0.1'))).toThrow(/invalid learning rate lr '0.1'/);
      expect(() => make(0)).not.toThrow();
    }
    expect(() => new Adam([{ params: [param()], lr: -1 }])).toThrow(/Adam: invalid learning rate lr -1/);
  });

  it('an lr made invalid after construction is reported by step()', () => {
    const p = param();
    const opt = new SGD([p], { lr: 0.1 });
    setGrad(p, [1, 1]);
    opt.paramGroups[0].lr = NaN;
    expect(() => opt.step()).toThrow(/SGD: invalid learning rate lr NaN/);
    expect(p.toArray()).toEqual([1, 2]);
  });

  it('betas outside [0, 1), or not a pair', () => {
    const adam = (betas: unknown) => () => new Adam([param()], { betas: any(betas) });
    expect(adam([1, 0.999])).toThrow(/Adam: invalid beta1 1: beta1 must be in \[0, 1\) \(betas = \[1, 0.999\]\)/);
    expect(adam([-0.1, 0.999])).toThrow(/invalid beta1 -0.1: beta1 must be in \[0, 1\)/);
    expect(adam([0.9, 1])).toThrow(/invalid beta2 1: beta2 must be in \[0, 1\)/);
    expect(adam([0.9, NaN])).toThrow(/invalid beta2 NaN/);
    expect(adam([0.9, 1.5])).toThrow(/invalid beta2 1.5/);
    expect(adam([0.9])).toThrow(/invalid betas \[0.9\]: betas must be a pair \[beta1, beta2\]/);
    expect(adam(0.9)).toThrow(/Adam: invalid betas 0.9: betas must be a pair/);
    expect(adam([0, 0])).not.toThrow();
  });

  it('negative momentum, dampening rules of nesterov, weight decay, eps, alpha, lrDecay, initial accumulator', () => {
    const p = param;
    expect(() => new SGD([p()], { lr: 0.1, momentum: -0.5 })).toThrow(/SGD: invalid momentum -0.5: momentum must be a number ≥ 0/);
    expect(() => new SGD([p()], { lr: 0.1, weightDecay: -1 })).toThrow(/SGD: invalid weightDecay -1/);
    expect(() => new SGD([p()], { lr: 0.1, nesterov: true })).toThrow(
      /SGD: invalid nesterov true: Nesterov momentum requires a momentum > 0 and zero dampening \(got momentum 0, dampening 0\)/,
    );
    expect(() => new SGD([p()], { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow(/got momentum 0.9, dampening 0.1/);
    expect(() => new SGD([p()], { lr: 0.1, nesterov: true, momentum: 0.9 })).not.toThrow();
    expect(() => new AdaGrad([p()], { lrDecay: -0.1 })).toThrow(/AdaGrad: invalid lrDecay -0.1/);
    expect(() => new AdaGrad([p()], { initialAccumulatorValue: -1 })).toThrow(/AdaGrad: invalid initialAccumulatorValue -1/);
    expect(() => new AdaGrad([p()], { eps: -1e-10 })).toThrow(/AdaGrad: invalid eps -1e-10/);
    expect(() => new AdaGrad([p()], { weightDecay: -1 })).toThrow(/AdaGrad: invalid weightDecay -1/);
    expect(() => new RMSProp([p()], { alpha: -0.5 })).toThrow(/RMSProp: invalid alpha -0.5/);
    expect(() => new RMSProp([p()], { eps: -1 })).toThrow(/RMSProp: invalid eps -1/);
    expect(() => new RMSProp([p()], { momentum: -1 })).toThrow(/RMSProp: invalid momentum -1/);
    expect(() => new RMSProp([p()], { weightDecay: -1 })).toThrow(/RMSProp: invalid weightDecay -1/);
    expect(() => new Adam([p()], { eps: -1 })).toThrow(/Adam: invalid eps -1/);
    expect(() => new Adam([p()], { weightDecay: -1 })).toThrow(/Adam: invalid weightDecay -1/);
    expect(() => new SGD([p()], { lr: 0.1, dampening: NaN })).toThrow(/SGD: invalid dampening NaN: dampening must be a number, not NaN/);
  });

  it('an option of the wrong type, and an unknown option (with a hint for snake_case)', () => {
    expect(() => new SGD([param()], any({ lr: 0.1, nesterov: 'yes' }))).toThrow(/SGD: invalid nesterov 'yes': nesterov must be a boolean/);
    expect(() => new Adam([param()], any({ amsgrad: 1 }))).toThrow(/Adam: invalid amsgrad 1: amsgrad must be a boolean/);
    expect(() => new Adam([param()], any({ weight_decay: 0.1 }))).toThrow(
      /Adam: unknown option 'weight_decay' in options \(did you mean weightDecay\? options are camelCase\); known options: lr, betas, eps, weightDecay, amsgrad/,
    );
    expect(() => new SGD([param()], any({ lr: 0.1, mometum: 0.9 }))).toThrow(/SGD: unknown option 'mometum' in options; known options: lr, momentum/);
    expect(() => new RMSProp([{ params: [param()], beta: 0.9 } as never])).toThrow(/RMSProp: unknown option 'beta' in parameter group 0/);
  });
});

describe('step', () => {
  it('a gradient whose shape differs from the parameter', () => {
    const p = param();
    const opt = new Adam([p]);
    p.grad = tensor([1, 2, 3], { dtype: 'float64' });
    expect(() => opt.step()).toThrow(/Adam.step: a parameter of shape \[2\] has a gradient of shape \[3\]/);
  });
});
