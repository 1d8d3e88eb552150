/**
 * Losses: mseLoss, crossEntropy (from logits) and nllLoss — values against hand computations,
 * gradients, reductions, the errors for the usual student mistakes, and the one-time warning
 * when crossEntropy is given probabilities. That warning fires once per process (module state),
 * so its tests come first in this file and no other test passes probabilities.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { tensor, nn, zeros } from '../../src/index.js';

const { mseLoss, crossEntropy, nllLoss, MSELoss, CrossEntropyLoss, NLLLoss } = nn;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('crossEntropy on probabilities', () => {
  it('logits do not warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    nn.crossEntropy(tensor([[2, -1, 0.5], [0.1, 0.2, 0.3]]), tensor([0, 2], { dtype: 'int32' }));
    // rows in [0, 1] that do not sum to 1 are not probabilities either
    nn.crossEntropy(tensor([[0.1, 0.2, 0.3]]), tensor([0], { dtype: 'int32' }));
    expect(warn).not.toHaveBeenCalled();
  });

  it('a Softmax output warns once, naming the fix, and the loss is still computed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const probs = new nn.Softmax(1).forward(tensor([[1, 2, 3], [0, 0, 5]]));
    const loss = nn.crossEntropy(probs, tensor([2, 2], { dtype: 'int32' }));
    expect(Number.isFinite(loss.item())).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/look like probabilities.*expects raw scores \(logits\).*remove the Softmax layer/);
    nn.crossEntropy(probs, tensor([0, 1], { dtype: 'int32' }));
    nn.crossEntropy(tensor([[0.5, 0.5]]), tensor([0], { dtype: 'int32' }));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

const int = (values: number[]) => tensor(values, { dtype: 'int32' });

/** −log softmax(row)[k], in float64, the slow obvious way. */
function ceByHand(rows: number[][], targets: number[]): number[] {
  return rows.map((row, i) => {
    const m = Math.max(...row);
    const z = row.reduce((s, v) => s + Math.exp(v - m), 0);
    return -(row[targets[i]] - m - Math.log(z));
  });
}

describe('mseLoss', () => {
  const input = tensor([1, 2, 3], { dtype: 'float64' });
  const target = tensor([0, 0, 1], { dtype: 'float64' });

  it('reductions: mean (default), sum, none', () => {
    // (1−0)² + (2−0)² + (3−1)² = 9
    expect(mseLoss(input, target).item()).toBe(3);
    expect(mseLoss(input, target, { reduction: 'mean' }).item()).toBe(3);
    expect(mseLoss(input, target, { reduction: 'sum' }).item()).toBe(9);
    const none = mseLoss(input, target, { reduction: 'none' });
    expect(none.shape).toEqual([3]);
    expect(none.toArray()).toEqual([1, 4, 4]);
    expect(() => mseLoss(input, target, { reduction: 'avg' as never })).toThrow(/reduction must be 'mean', 'sum' or 'none', got 'avg'/);
  });

  it('gradient of the mean: 2(x − y)/N', () => {
    const x = tensor([[1, 2], [3, 4]], { dtype: 'float64', requiresGrad: true });
    mseLoss(x, tensor([[0, 2], [5, 4]], { dtype: 'float64' })).backward();
    expect(x.grad!.toArray()).toEqual([0.5, 0, -1, 0]);
  });

  it('MSELoss module gives the same as the function', () => {
    expect(new MSELoss({ reduction: 'sum' }).forward(input, target).item()).toBe(9);
    expect(new MSELoss().forward(input, target).item()).toBe(3);
  });

  it('[N, 1] vs [N]: refuses instead of broadcasting, with the squeeze hint', () => {
    expect(() => mseLoss(zeros([4, 1]), zeros([4]))).toThrow(RangeError);
    expect(() => mseLoss(zeros([4, 1]), zeros([4]))).toThrow(/input shape \[4, 1\] and target shape \[4\] differ.*squeeze\(1\)/);
  });

  it('other shape mismatches: no squeeze hint', () => {
    let message = '';
    try {
      mseLoss(zeros([3]), zeros([4]));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/input shape \[3\] and target shape \[4\] differ/);
    expect(message).not.toMatch(/squeeze/);
  });

  it('int tensors are refused; NaN mentions the learning rate', () => {
    expect(() => mseLoss(tensor([1], { dtype: 'int32' }), tensor([1]))).toThrow(/must be float tensors.*int32/);
    expect(() => mseLoss(tensor([1, NaN]), tensor([1, 2]))).toThrow(/the input \(prediction\) contains NaN at flat index 1.*learning rate/);
    expect(() => mseLoss(tensor([1, 2]), tensor([Infinity, 2]))).toThrow(/the target contains Infinity/);
  });
});

describe('crossEntropy', () => {
  const rows = [
    [1, 2, 3],
    [0.5, -1, 0],
    [-2, 4, 1],
    [0, 0, 0],
  ];
  const targets = [2, 0, 1, 1];

  it('equals −log softmax(x)[y], averaged over the batch', () => {
    const expected = ceByHand(rows, targets);
    const x = tensor(rows, { dtype: 'float64' });
    const y = int(targets);
    expect(crossEntropy(x, y).item()).toBeCloseTo(expected.reduce((a, b) => a + b) / 4, 12);
    expect(crossEntropy(x, y, { reduction: 'sum' }).item()).toBeCloseTo(expected.reduce((a, b) => a + b), 12);
    crossEntropy(x, y, { reduction: 'none' })
      .toArray()
      .forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(crossEntropy(tensor([[0, 0, 0]]), int([1])).item()).toBeCloseTo(Math.log(3), 6);
  });

  it('gradient: (softmax(x) − onehot(y)) / N', () => {
    const x = tensor(rows, { dtype: 'float64', requiresGrad: true });
    crossEntropy(x, int(targets)).backward();
    const g = x.grad!.tolist() as number[][];
    rows.forEach((row, i) => {
      const z = row.reduce((s, v) => s + Math.exp(v), 0);
      row.forEach((v, j) => expect(g[i][j]).toBeCloseTo((Math.exp(v) / z - (j === targets[i] ? 1 : 0)) / 4, 12));
    });
  });

  it('is finite for logits of ±1000', () => {
    const x = tensor([
      [1000, -1000, 0],
      [-1000, 1000, 0],
      [1000, 1000, -1000],
    ], { requiresGrad: true });
    const losses = crossEntropy(x, int([1, 1, 0]), { reduction: 'none' }).toArray();
    expect(losses[0]).toBeCloseTo(2000, 3);
    expect(losses[1]).toBeCloseTo(0, 6);
    expect(losses[2]).toBeCloseTo(Math.log(2), 3); // float32 at magnitude 1000: ulp ≈ 6e-5
    const loss = crossEntropy(x, int([1, 1, 0]));
    expect(Number.isFinite(loss.item())).toBe(true);
    loss.backward();
    expect(x.grad!.toArray().every(Number.isFinite)).toBe(true);
  });

  it('CrossEntropyLoss module gives the same as the function', () => {
    const x = tensor(rows);
    expect(new CrossEntropyLoss().forward(x, int(targets)).item()).toBe(crossEntropy(x, int(targets)).item());
  });

  it('target dtype: float class indices are refused, with the fix', () => {
    expect(() => crossEntropy(tensor([[1, 2, 3]]), tensor([1]))).toThrow(/target must hold class indices as an int32 tensor of shape \[N\], got float32 \[1\].*\.int\(\)/);
  });

  it('one-hot targets: the hint says argmax(1)', () => {
    expect(() => crossEntropy(tensor([[1, 2, 3]]), tensor([[0, 1, 0]]))).toThrow(/one-hot encoded: use target\.argmax\(1\)/);
  });

  it('target shape must be [N]', () => {
    expect(() => crossEntropy(tensor([[1, 2, 3]]), int([1, 2]))).toThrow(/target must have shape \[1\].*got \[2\]/);
    expect(() => crossEntropy(tensor([[1, 2, 3]]), tensor([[1]], { dtype: 'int32' }))).toThrow(/target must have shape \[1\]/);
  });

  it('target out of range names the position, the value and the class count', () => {
    expect(() => crossEntropy(tensor([[1, 2, 3], [1, 2, 3]]), int([0, 3]))).toThrow(/target\[1\] = 3 is not a class index in \[0, 2\] \(the input has 3 classes\)/);
    expect(() => crossEntropy(tensor([[1, 2, 3]]), int([-1]))).toThrow(/target\[0\] = -1/);
  });

  it('input must be [N, C] floats', () => {
    expect(() => crossEntropy(tensor([1, 2, 3]), int([1]))).toThrow(/input must be \[N, C\].*got \[3\]/);
    expect(() => crossEntropy(tensor([[1, 2]], { dtype: 'int32' }), int([1]))).toThrow(/input must be a float tensor/);
  });

  it('NaN or inf in the input: a clear error mentioning the learning rate', () => {
    expect(() => crossEntropy(tensor([[1, NaN, 3]]), int([1]))).toThrow(/crossEntropy: the input \(logits\) contains NaN at flat index 1.*lower the learning rate/);
    expect(() => crossEntropy(tensor([[1, 2], [-Infinity, 0]]), int([1, 1]))).toThrow(/-Infinity at flat index 2/);
  });
});

describe('nllLoss', () => {
  const logProbs = [
    [-1, -2, -3],
    [-0.5, -0.25, -4],
  ];

  it('picks −logProbs[i, y_i]; reductions', () => {
    const x = tensor(logProbs, { dtype: 'float64' });
    const y = int([1, 2]);
    expect(nllLoss(x, y).item()).toBe(3);
    expect(nllLoss(x, y, { reduction: 'sum' }).item()).toBe(6);
    expect(nllLoss(x, y, { reduction: 'none' }).toArray()).toEqual([2, 4]);
    expect(new NLLLoss({ reduction: 'sum' }).forward(x, y).item()).toBe(6);
  });

  it('gradient is −1/N at the picked entries', () => {
    const x = tensor(logProbs, { dtype: 'float64', requiresGrad: true });
    nllLoss(x, int([1, 2])).backward();
    expect(x.grad!.tolist()).toEqual([
      [0, -0.5, 0],
      [0, 0, -0.5],
    ]);
  });

  it('LogSoftmax + nllLoss equals crossEntropy', () => {
    const x = tensor([[1, 2, 3], [3, 1, 0]], { dtype: 'float64' });
    const y = int([0, 2]);
    expect(nllLoss(new nn.LogSoftmax(1).forward(x), y).item()).toBeCloseTo(crossEntropy(x, y).item(), 14);
  });

  it('has the same target checks, under its own name', () => {
    expect(() => nllLoss(tensor(logProbs), tensor([1, 2]))).toThrow(/nllLoss: target must hold class indices/);
    expect(() => nllLoss(tensor(logProbs), int([1, 5]))).toThrow(/nllLoss: target\[1\] = 5/);
    expect(() => nllLoss(tensor([[NaN, 0]]), int([0]))).toThrow(/nllLoss: the input \(log-probabilities\) contains NaN/);
  });
});
