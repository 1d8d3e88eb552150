/**
 * Tensor methods: reading values (item, toArray, tolist, toTypedArray), dtype and device
 * conversion (to, double, float, int, and the errors for a missing device), PyTorch-like
 * printing, and the in-place ops (add_, sub_, mul_, div_, copy_, fill_, zero_).
 */
import { describe, it, expect } from 'vitest';
import { inspect } from 'node:util';
import { tensor, arange, zeros, getBackend, availableDevices, markBackendUnavailable, ones, noGrad, nn } from '../../src/index.js';

describe('reading values', () => {
  it('item() returns the single value of a 0-d or one-element tensor', () => {
    expect(tensor(2.5).item()).toBe(2.5);
    expect(tensor([[[-4]]]).item()).toBe(-4);
    expect(tensor([7], { dtype: 'int32' }).item()).toBe(7);
    expect(tensor([1, 2, 3]).sum().item()).toBe(6);
  });

  it('item() on several elements says how many and how to reduce', () => {
    expect(() => zeros([2, 3]).item()).toThrow(RangeError);
    expect(() => zeros([2, 3]).item()).toThrow(/exactly one element.*shape \[2, 3\] \(6 elements\).*\.sum\(\) or \.mean\(\)/);
    expect(() => tensor([]).item()).toThrow(/0 elements/);
  });

  it('toArray() is flat and row-major; tolist() is nested like the shape', () => {
    const t = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(t.toArray()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.isArray(t.toArray())).toBe(true);
    expect(t.tolist()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(tensor(5).tolist()).toBe(5);
    expect(tensor(5).toArray()).toEqual([5]);
    expect(zeros([2, 0]).tolist()).toEqual([[], []]);
  });

  it('toTypedArray() matches the dtype and is a copy', () => {
    expect(tensor([1]).toTypedArray()).toBeInstanceOf(Float32Array);
    expect(tensor([1], { dtype: 'float64' }).toTypedArray()).toBeInstanceOf(Float64Array);
    expect(tensor([1], { dtype: 'int32' }).toTypedArray()).toBeInstanceOf(Int32Array);
    const t = tensor([1, 2, 3]);
    const copy = t.toTypedArray();
    copy[0] = 99;
    expect(t.toArray()).toEqual([1, 2, 3]);
  });
});

describe('dtype conversion', () => {
  it("to('float64') / double() keep the values and change the dtype", () => {
    const t = tensor([0.1, -2.5]);
    for (const d of [t.to('float64'), t.double()]) {
      expect(d.dtype).toBe('float64');
      expect(d.toArray()).toEqual([Math.fround(0.1), -2.5]);
      expect(d.shape).toEqual([2]);
    }
    expect(t.dtype).toBe('float32'); // the original is unchanged
  });

  it('float() rounds float64 to float32', () => {
    const f = tensor([0.1], { dtype: 'float64' }).float();
    expect(f.dtype).toBe('float32');
    expect(f.item()).toBe(Math.fround(0.1));
  });

  it('int() truncates toward zero, as torch does', () => {
    const i = tensor([1.7, -1.7, 2.5, -0.2]).int();
    expect(i.dtype).toBe('int32');
    expect(i.toArray()).toEqual([1, -1, 2, 0]);
    expect(tensor([3], { dtype: 'int32' }).float().dtype).toBe('float32');
  });

  it('a conversion to the same dtype returns the tensor itself', () => {
    const t = tensor([1, 2]);
    expect(t.to('float32')).toBe(t);
    expect(t.float()).toBe(t);
  });

  it('a cast stays in the graph: the gradient comes back in the original dtype', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = x.double().mul(tensor([3, 4], { dtype: 'float64' })).sum();
    expect(y.dtype).toBe('float64');
    y.backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(x.grad!.toArray()).toEqual([3, 4]);
  });

  it('int() of a tensor that requires grad is outside the graph', () => {
    const x = tensor([1.5], { requiresGrad: true });
    expect(x.int().requiresGrad).toBe(false);
  });
});

describe('devices', () => {
  it('tensors start on the cpu; cpu() and to("cpu") are no-ops there', () => {
    const t = arange(3);
    expect(t.device).toBe('cpu');
    expect(t.cpu()).toBe(t);
    expect(t.to('cpu')).toBe(t);
    expect(availableDevices()).toContain('cpu');
  });

  it('to() an unknown device names the device and the ones available', () => {
    expect(() => zeros([2]).to('tpu')).toThrow(new RegExp(`Unknown device 'tpu'\\. Available devices: ${availableDevices().join(', ')}`));
  });

  it("to('cuda') points to the engine's GPU device name", () => {
    expect(() => zeros([2]).to('cuda')).toThrow(/Unknown device 'cuda'.*GPU device is called 'webgpu'/);
    expect(() => zeros([2]).to('gpu')).toThrow(/called 'webgpu'/);
  });

  it('a backend that could not start reports its reason', () => {
    // A made-up device, so the test means the same whether or not a real GPU backend is registered.
    markBackendUnavailable('test-gpu', 'no GPU adapter was found (navigator.gpu.requestAdapter() returned null).');
    expect(() => zeros([2]).to('test-gpu')).toThrow(/Device 'test-gpu' is not available: no GPU adapter was found/);
    expect(() => tensor([1], { device: 'test-gpu' })).toThrow(/not available: no GPU adapter/);
    expect(() => getBackend('test-gpu')).toThrow(/not available/);
  });
});

describe('toString', () => {
  it('integral floats print with a trailing dot, like torch', () => {
    expect(String(tensor([1, 2, 3]))).toBe('tensor([1., 2., 3.])');
    expect(String(tensor(5))).toBe('tensor(5.)');
    expect(String(tensor([]))).toBe('tensor([])');
  });

  it('other floats print with 4 decimals, right-aligned to a common width', () => {
    expect(String(tensor(3.25))).toBe('tensor(3.2500)');
    expect(String(tensor([1.5, 2.25, -3]))).toBe('tensor([ 1.5000,  2.2500, -3.0000])');
  });

  it('matrices print one row per line with aligned columns', () => {
    expect(String(tensor([[1, 2], [3, 4]]))).toBe('tensor([[1., 2.],\n        [3., 4.]])');
    expect(String(tensor([[1.5, -2], [-3, 4]]))).toBe('tensor([[ 1.5000, -2.0000],\n        [-3.0000,  4.0000]])');
    // 3-d and up: a blank line between blocks, as torch prints them
    expect(String(ones([2, 1, 2]))).toBe('tensor([[[1., 1.]],\n\n        [[1., 1.]]])');
    expect(String(ones([2, 2, 1]))).toBe('tensor([[[1.],\n         [1.]],\n\n        [[1.],\n         [1.]]])');
  });

  it('int32 prints without decimals and with its dtype', () => {
    expect(String(tensor([1, -20, 300], { dtype: 'int32' }))).toBe('tensor([  1, -20, 300], dtype=int32)');
  });

  it('float64 names its dtype; float32 (the default) does not', () => {
    expect(String(tensor([1.5, 2], { dtype: 'float64' }))).toBe('tensor([1.5000, 2.0000], dtype=float64)');
    expect(String(tensor([1.5, 2]))).not.toContain('dtype');
  });

  it('shows requiresGrad on leaves and the gradFn on results', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(String(x)).toBe('tensor([1., 2.], requiresGrad=true)');
    expect(String(x.mul(2))).toBe('tensor([2., 4.], gradFn=<mul>)');
    expect(String(tensor([1, 2], { dtype: 'float64', requiresGrad: true }))).toBe('tensor([1., 2.], dtype=float64, requiresGrad=true)');
    expect(String(x.detach())).toBe('tensor([1., 2.])');
  });

  it('uses scientific notation with two exponent digits when magnitudes call for it', () => {
    expect(String(tensor([1e-5, 1]))).toBe('tensor([1.0000e-05, 1.0000e+00])');
    expect(String(tensor([1e9, 1]))).toBe('tensor([1.0000e+09, 1.0000e+00])');
    expect(String(tensor([0.001, 10]))).toBe('tensor([1.0000e-03, 1.0000e+01])');
    expect(String(tensor([123456789.5], { dtype: 'float64' }))).toBe('tensor([1.2346e+08], dtype=float64)');
  });

  it('prints nan and ±inf as torch does (integral mode decided by the finite values)', () => {
    expect(String(tensor([NaN, Infinity, -Infinity, 1.5]))).toBe('tensor([   nan,    inf,   -inf, 1.5000])');
    expect(String(tensor([NaN, 1, 2]))).toBe('tensor([nan, 1., 2.])');
  });

  it('summarises more than 1000 elements with ... (3 edge items per dim)', () => {
    expect(String(arange(2000))).toBe('tensor([   0,    1,    2, ..., 1997, 1998, 1999], dtype=int32)');
    const big = String(zeros([40, 50]));
    const lines = big.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[3].trim()).toBe('...,');
    expect(lines[0]).toBe('tensor([[0., 0., 0., ..., 0., 0., 0.],');
    // 1000 elements exactly: not summarised
    const s = String(arange(1000));
    expect(s).not.toContain('...');
    expect(s.split(',').length).toBe(1000 + 1); // 999 separators + ", dtype=int32"
  });

  it('console.log / util.inspect print the same text', () => {
    const t = tensor([[1.25, 2]]);
    expect(inspect(t)).toBe(String(t));
    expect(`${t}`).toBe(String(t));
  });
});

describe('in-place ops: values and version', () => {
  it('each op updates the values, returns the tensor itself and bumps the version by one', () => {
    const t = tensor([1, 2, 3]);
    const steps: [() => unknown, number[]][] = [
      [() => t.add_(1), [2, 3, 4]],
      [() => t.sub_(tensor([1, 1, 2])), [1, 2, 2]],
      [() => t.mul_(3), [3, 6, 6]],
      [() => t.div_(tensor([3, 2, 4])), [1, 3, 1.5]],
      [() => t.add_(tensor([1, 1, 1]), 2), [3, 5, 3.5]], // alpha scales the other operand
      [() => t.sub_(1, 0.5), [2.5, 4.5, 3]],
      [() => t.copy_(tensor([7, 8, 9])), [7, 8, 9]],
      [() => t.fill_(-1), [-1, -1, -1]],
      [() => t.zero_(), [0, 0, 0]],
    ];
    let version = t.version;
    for (const [op, expected] of steps) {
      expect(op()).toBe(t);
      expect(t.toArray()).toEqual(expected);
      expect(t.version).toBe(version + 1);
      version = t.version;
    }
  });

  it('broadcast operands are fine as long as the shape does not change', () => {
    const t = zeros([2, 3]);
    t.add_(tensor([1, 2, 3]));
    expect(t.tolist()).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    t.copy_(tensor([5]));
    expect(t.toArray()).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('does not write through into a tensor that shared the old storage (reshape, detach)', () => {
    const t = tensor([1, 2, 3, 4]);
    const view = t.reshape(2, 2);
    const det = t.detach();
    t.add_(10);
    expect(view.toArray()).toEqual([1, 2, 3, 4]);
    expect(det.toArray()).toEqual([1, 2, 3, 4]);
    det.mul_(0);
    expect(t.toArray()).toEqual([11, 12, 13, 14]);
  });
});

describe('in-place ops: rules', () => {
  it('refuse to change the shape', () => {
    const t = tensor([1, 2, 3]);
    expect(() => t.add_(tensor([[1], [2]]))).toThrow(RangeError);
    expect(() => t.add_(tensor([[1], [2]]))).toThrow(/add_: the result has shape \[2, 3\] but the tensor has \[3\]/);
    expect(() => t.copy_(tensor([1, 2]))).toThrow(/cannot be broadcast|shape/);
    expect(t.toArray()).toEqual([1, 2, 3]);
    expect(t.version).toBe(0);
  });

  it('keep the dtype: float32 stays float32, int32 stays int32', () => {
    const f = tensor([1, 2]);
    f.add_(tensor([0.1, 0.1], { dtype: 'float64' }));
    expect(f.dtype).toBe('float32');
    expect(f.toArray()).toEqual([Math.fround(1.1), Math.fround(2.1)]);
    const d = tensor([1, 2], { dtype: 'float64' });
    d.copy_(tensor([0.1, 0.2]));
    expect(d.dtype).toBe('float64');
    expect(d.toArray()).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    const i = tensor([1, 2], { dtype: 'int32' });
    i.add_(3);
    i.fill_(4);
    expect(i.dtype).toBe('int32');
    expect(i.toArray()).toEqual([4, 4]);
  });

  it('refuse to turn an int32 tensor into floats', () => {
    const i = tensor([1, 2], { dtype: 'int32' });
    expect(() => i.mul_(1.5)).toThrow(/mul_: the result is float32 but the tensor is int32/);
    expect(() => i.div_(2)).toThrow(TypeError);
    expect(i.toArray()).toEqual([1, 2]);
  });

  it('refuse on a parameter that requires grad outside noGrad, with the fix in the message', () => {
    const p = new nn.Parameter(tensor([1, 2]));
    for (const op of [() => p.add_(1), () => p.sub_(1), () => p.mul_(2), () => p.div_(2), () => p.copy_(tensor([0, 0])), () => p.fill_(0), () => p.zero_()]) {
      expect(op).toThrow(/leaf tensor that requires grad.*noGrad/);
    }
    expect(p.toArray()).toEqual([1, 2]);
    expect(p.version).toBe(0);
  });

  it('allow the same update inside noGrad (what optimizers do)', () => {
    const p = new nn.Parameter(tensor([1, 2]));
    noGrad(() => p.sub_(tensor([0.5, 0.5]), 2));
    expect(p.toArray()).toEqual([0, 1]);
    expect(p.version).toBe(1);
    expect(p.requiresGrad).toBe(true);
  });

  it('a non-leaf in the graph cannot be changed in place while recording', () => {
    const h = tensor([1], { requiresGrad: true }).mul(2);
    expect(() => h.add_(1)).toThrow(/in-place ops on tensors inside the autograd graph/);
  });

  it('a tensor that does not require grad can be changed anywhere', () => {
    const p = new nn.Parameter(tensor([1, 2]), false);
    p.add_(1);
    expect(p.toArray()).toEqual([2, 3]);
  });
});
