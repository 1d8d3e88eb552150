import { defineRubric } from '@dlcourse/grading/rubric';

const FILE = 'src/activations.ts';

/** Exercise 1: every graded test, its points and its hint — the only place they are set. */
export const rubric = defineRubric({
  exercise: 'exercise-1',
  title: { en: 'Activations: forward and backward', ru: 'Функции активации: прямой и обратный проход' },
  items: {
    sigmoidForward: {
      points: 2,
      fn: 'sigmoid',
      file: FILE,
      title: { en: 'sigmoid: values', ru: 'sigmoid: значения' },
      hint: { en: 'σ(x) = 1 / (1 + e^(−x)) — README §1.1', ru: 'σ(x) = 1 / (1 + e^(−x)) — README §1.1' },
    },
    sigmoidProperties: {
      points: 2,
      fn: 'sigmoid',
      file: FILE,
      title: { en: 'sigmoid: in (0, 1), σ(−x) = 1 − σ(x), finite at ±1000', ru: 'sigmoid: в (0, 1), σ(−x) = 1 − σ(x), конечна при ±1000' },
      hint: {
        en: 'e^(−x) overflows to ∞ for x = −1000; 1/(1+∞) = 0 is still right, but ∞/∞ is not — README §1.1',
        ru: 'e^(−x) переполняется до ∞ при x = −1000; 1/(1+∞) = 0 — верно, а ∞/∞ — нет — README §1.1',
      },
    },
    sigmoidBackward: {
      points: 3,
      fn: 'sigmoidBackward',
      file: FILE,
      title: { en: 'sigmoidBackward: gradient check', ru: 'sigmoidBackward: проверка градиента' },
      hint: { en: 'σ′(x) = σ(x)(1 − σ(x)); multiply by the upstream gradient dY — README §1.2', ru: 'σ′(x) = σ(x)(1 − σ(x)); умножьте на приходящий градиент dY — README §1.2' },
    },
    saturatedBackward: {
      points: 2,
      hidden: true,
      fn: 'sigmoidBackward',
      file: FILE,
      title: { en: 'backward passes stay finite where the activations saturate (±800)', ru: 'обратные проходы конечны там, где активации насыщаются (±800)' },
      hint: {
        en: 'compute the derivative from the forward value, σ(x)(1 − σ(x)) and 1 − tanh²(x): a formula with e^(−x) in it gives ∞/∞ = NaN at x = −800 — README §1.2',
        ru: 'считайте производную через значение прямого прохода, σ(x)(1 − σ(x)) и 1 − tanh²(x): формула с e^(−x) даёт ∞/∞ = NaN при x = −800 — README §1.2',
      },
    },
    tanhForward: {
      points: 2,
      fn: 'tanh',
      file: FILE,
      title: { en: 'tanh: values', ru: 'tanh: значения' },
      hint: { en: 'tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1 — README §1.3', ru: 'tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1 — README §1.3' },
    },
    tanhProperties: {
      points: 2,
      fn: 'tanh',
      file: FILE,
      title: { en: 'tanh: odd, in (−1, 1), finite at ±1000', ru: 'tanh: нечётная, в (−1, 1), конечна при ±1000' },
      hint: {
        en: 'e^1000 = ∞ and ∞/∞ = NaN: rewrite tanh so no exponent is large (2σ(2x) − 1) — README §1.3',
        ru: 'e^1000 = ∞, а ∞/∞ = NaN: перепишите tanh так, чтобы экспонента не была большой (2σ(2x) − 1) — README §1.3',
      },
    },
    tanhBackward: {
      points: 3,
      fn: 'tanhBackward',
      file: FILE,
      title: { en: 'tanhBackward: gradient check', ru: 'tanhBackward: проверка градиента' },
      hint: { en: 'tanh′(x) = 1 − tanh²(x) — README §1.4', ru: 'tanh′(x) = 1 − tanh²(x) — README §1.4' },
    },
    reluForward: {
      points: 1,
      fn: 'relu',
      file: FILE,
      title: { en: 'relu: values', ru: 'relu: значения' },
      hint: { en: 'ReLU(x) = max(x, 0): negative inputs give exactly 0 — README §1.5', ru: 'ReLU(x) = max(x, 0): отрицательные входы дают ровно 0 — README §1.5' },
    },
    reluBackward: {
      points: 2,
      fn: 'reluBackward',
      file: FILE,
      title: { en: 'reluBackward: gradient passes only where x > 0', ru: 'reluBackward: градиент проходит только там, где x > 0' },
      hint: { en: 'dX = dY where x > 0, 0 where x < 0 — README §1.5', ru: 'dX = dY там, где x > 0, и 0 там, где x < 0 — README §1.5' },
    },
    softmaxForward: {
      points: 2,
      fn: 'softmax',
      file: FILE,
      title: { en: 'softmax: values, each row sums to 1', ru: 'softmax: значения, сумма каждой строки равна 1' },
      hint: { en: 'normalise over the last dim (each row), keepdim so the division broadcasts — README §1.6', ru: 'нормируйте по последней оси (по строкам), keepdim — чтобы деление транслировалось — README §1.6' },
    },
    softmaxStability: {
      points: 2,
      fn: 'softmax',
      file: FILE,
      title: { en: 'softmax: finite at ±1000, unchanged by adding a constant to a row', ru: 'softmax: конечна при ±1000, не меняется от прибавления константы к строке' },
      hint: { en: 'subtract each row’s max before exp — README §1.6', ru: 'вычтите максимум строки перед exp — README §1.6' },
    },
    softmaxBackward: {
      points: 3,
      fn: 'softmaxBackward',
      file: FILE,
      title: { en: 'softmaxBackward: gradient check', ru: 'softmaxBackward: проверка градиента' },
      hint: {
        en: 'the Jacobian is diag(s) − s·sᵀ, so dX = s ⊙ (dY − Σ_j dY_j s_j) per row — README §1.7',
        ru: 'якобиан равен diag(s) − s·sᵀ, поэтому dX = s ⊙ (dY − Σ_j dY_j s_j) для каждой строки — README §1.7',
      },
    },
  },
});
