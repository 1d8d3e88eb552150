import { defineRubric } from '@dlcourse/grading/rubric';

const LINEAR = 'src/linear.ts';
const MSE = 'src/mse.ts';
const TWO_LAYER = 'src/two-layer.ts';

/** Exercise 2: every graded test, its points and its hint — the only place they are set. */
export const rubric = defineRubric({
  exercise: 'exercise-2',
  title: { en: 'A linear layer and backpropagation by hand', ru: 'Линейный слой и обратное распространение вручную' },
  items: {
    linearForward: {
      points: 2,
      fn: 'linearForward',
      file: LINEAR,
      title: { en: 'linearForward: Y = X·W + b', ru: 'linearForward: Y = X·W + b' },
      hint: {
        en: 'Y = X·W + b with X [N, D], W [D, M], b [M]: matmul, then add b to every row (broadcasting) — README §2.1',
        ru: 'Y = X·W + b, где X [N, D], W [D, M], b [M]: matmul, затем прибавьте b к каждой строке (трансляция) — README §2.1',
      },
    },
    linearBackwardDX: {
      points: 2,
      fn: 'linearBackward',
      file: LINEAR,
      title: { en: 'linearBackward: dX, gradient check', ru: 'linearBackward: dX, проверка градиента' },
      hint: {
        en: 'dX = dY·Wᵀ: [N, M]·[M, D] = [N, D], the shape of X — README §2.2',
        ru: 'dX = dY·Wᵀ: [N, M]·[M, D] = [N, D], форма X — README §2.2',
      },
    },
    linearBackwardDW: {
      points: 3,
      fn: 'linearBackward',
      file: LINEAR,
      title: { en: 'linearBackward: dW, gradient check', ru: 'linearBackward: dW, проверка градиента' },
      hint: {
        en: 'dW = Xᵀ·dY: [D, N]·[N, M] = [D, M], the shape of W; dYᵀ·X is its transpose — README §2.2',
        ru: 'dW = Xᵀ·dY: [D, N]·[N, M] = [D, M], форма W; dYᵀ·X — это транспонированный ответ — README §2.2',
      },
    },
    linearBackwardDb: {
      points: 2,
      fn: 'linearBackward',
      file: LINEAR,
      title: { en: 'linearBackward: db, gradient check', ru: 'linearBackward: db, проверка градиента' },
      hint: {
        en: 'b is added to every one of the N rows, so db = Σ over the batch of dY: dY.sum(0), shape [M] (a sum, not a mean) — README §2.2',
        ru: 'b прибавляется к каждой из N строк, поэтому db = сумма dY по батчу: dY.sum(0), форма [M] (сумма, а не среднее) — README §2.2',
      },
    },
    linearBackwardShapes: {
      points: 1,
      fn: 'linearBackward',
      file: LINEAR,
      title: { en: 'linearBackward: dX, dW, db have the shapes of X, W, b', ru: 'linearBackward: dX, dW, db имеют формы X, W, b' },
      hint: {
        en: 'a gradient has the shape of its variable: dX [N, D], dW [D, M], db [M]; pick the transposes that make the shapes fit — README §2.2',
        ru: 'градиент имеет форму своей переменной: dX [N, D], dW [D, M], db [M]; транспонируйте так, чтобы формы сошлись — README §2.2',
      },
    },
    mseLoss: {
      points: 2,
      fn: 'mseLoss',
      file: MSE,
      title: { en: 'mseLoss: the mean of (pred − target)², a number', ru: 'mseLoss: среднее (pred − target)², число' },
      hint: {
        en: 'L = (1/n) Σ (pred − target)² over all n elements (a mean, not a sum); return a number with .item() — README §2.3',
        ru: 'L = (1/n) Σ (pred − target)² по всем n элементам (среднее, а не сумма); верните число через .item() — README §2.3',
      },
    },
    mseBackward: {
      points: 2,
      fn: 'mseBackward',
      file: MSE,
      title: { en: 'mseBackward: gradient check', ru: 'mseBackward: проверка градиента' },
      hint: {
        en: 'dL/dpred = 2(pred − target)/n, n = the number of elements (pred.numel()), not the number of rows — README §2.3',
        ru: 'dL/dpred = 2(pred − target)/n, n — число элементов (pred.numel()), а не число строк — README §2.3',
      },
    },
    twoLayerForward: {
      points: 2,
      fn: 'twoLayerForward',
      file: TWO_LAYER,
      title: { en: 'twoLayerForward: T, H, Ŷ and the loss', ru: 'twoLayerForward: T, H, Ŷ и функция потерь' },
      hint: {
        en: 'T = X·W1, H = ReLU(T), Ŷ = H·W2, L = MSE(Ŷ, Y) as a number — README §2.4',
        ru: 'T = X·W1, H = ReLU(T), Ŷ = H·W2, L = MSE(Ŷ, Y) — число — README §2.4',
      },
    },
    twoLayerBackwardDW2: {
      points: 2,
      fn: 'twoLayerBackward',
      file: TWO_LAYER,
      title: { en: 'twoLayerBackward: dW2, gradient check', ru: 'twoLayerBackward: dW2, проверка градиента' },
      hint: {
        en: 'dŶ = 2(Ŷ − Y)/n, dW2 = Hᵀ·dŶ [K, M] — H after the ReLU, not T — README §2.5',
        ru: 'dŶ = 2(Ŷ − Y)/n, dW2 = Hᵀ·dŶ [K, M] — H после ReLU, а не T — README §2.5',
      },
    },
    twoLayerBackwardDW1: {
      points: 3,
      fn: 'twoLayerBackward',
      file: TWO_LAYER,
      title: { en: 'twoLayerBackward: dW1, gradient check', ru: 'twoLayerBackward: dW1, проверка градиента' },
      hint: {
        en: 'dH = dŶ·W2ᵀ, dT = dH ⊙ [T > 0] (a 0/1 mask, not H itself), dW1 = Xᵀ·dT [D, K] — README §2.5',
        ru: 'dH = dŶ·W2ᵀ, dT = dH ⊙ [T > 0] (маска из 0 и 1, а не сама H), dW1 = Xᵀ·dT [D, K] — README §2.5',
      },
    },
    collapseLinear: {
      points: 2,
      fn: 'collapseLinear',
      file: LINEAR,
      title: { en: 'collapseLinear: one layer equal to two', ru: 'collapseLinear: один слой, равный двум' },
      hint: {
        en: '(X·W1 + b1)·W2 + b2 = X·(W1·W2) + (b1·W2 + b2): W = W1·W2 [D, M], b = b1·W2 + b2 [M] — README §2.6',
        ru: '(X·W1 + b1)·W2 + b2 = X·(W1·W2) + (b1·W2 + b2): W = W1·W2 [D, M], b = b1·W2 + b2 [M] — README §2.6',
      },
    },
  },
});
