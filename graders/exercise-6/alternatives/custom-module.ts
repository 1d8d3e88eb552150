// A valid alternative: the network as a Module subclass with named fields (fc1, act, fc2), as one
// writes it in PyTorch, instead of a Sequential; standardize and r2Score on plain numbers
// (toArray, loops in float64, the result back in the input's dtype); predict inside noGrad with
// indexSelect of column 0.
import { Adam, Linear, Module, mseLoss, noGrad, ReLU, tensor, type Generator, type Tensor } from '@dlcourse/engine';
import type { Standardized, TrainOptions } from '../../../solutions/exercise-6/src/index.js';
export * from '../../../solutions/exercise-6/src/index.js';

class TwoLayerNet extends Module {
  readonly fc1: Linear;
  readonly act = new ReLU();
  readonly fc2: Linear;

  constructor(inFeatures: number, hidden: number, generator: Generator) {
    super();
    this.fc1 = new Linear(inFeatures, hidden, { generator });
    this.fc2 = new Linear(hidden, 1, { generator });
  }

  forward(x: Tensor): Tensor {
    return this.fc2.forward(this.act.forward(this.fc1.forward(x)));
  }
}

export function buildModel(inFeatures: number, hidden: number, generator: Generator): Module {
  return new TwoLayerNet(inFeatures, hidden, generator);
}

export function predict(model: Module, x: Tensor): Tensor {
  return noGrad(() => model.forward(x).indexSelect(1, [0]).reshape([x.shape[0]]));
}

export function standardize(xTrain: Tensor, xTest: Tensor): Standardized {
  const [n, d] = xTrain.shape;
  const train = xTrain.toArray();
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += train[i * d + j];
    mean[j] = s / n;
    let q = 0;
    for (let i = 0; i < n; i++) q += (train[i * d + j] - mean[j]) ** 2;
    std[j] = Math.sqrt(q / n) || 1;
  }
  const scale = (x: Tensor) => {
    const values = x.toArray().map((v, k) => (v - mean[k % d]) / std[k % d]);
    return tensor(Float64Array.from(values), { shape: x.shape, dtype: x.dtype });
  };
  return { xTrain: scale(xTrain), xTest: scale(xTest), mean: tensor(mean, { dtype: xTrain.dtype }), std: tensor(std, { dtype: xTrain.dtype }) };
}

export function trainRegression(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions): number[] {
  const optimizer = new Adam(model.parameters(), { lr: options.lr });
  return Array.from({ length: options.epochs }, () => {
    optimizer.zeroGrad();
    const loss = mseLoss(model.forward(xTrain).squeeze(-1), yTrain);
    loss.backward();
    optimizer.step();
    return loss.item();
  });
}

export function r2Score(yTrue: Tensor, yPred: Tensor): number {
  const y = yTrue.toArray();
  const p = yPred.toArray();
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let ssRes = 0;
  let ssTot = 0;
  y.forEach((v, i) => {
    ssRes += (v - p[i]) ** 2;
    ssTot += (v - mean) ** 2;
  });
  return 1 - ssRes / ssTot;
}
