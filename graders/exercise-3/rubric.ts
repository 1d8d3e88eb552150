import { defineRubric } from '@dlcourse/grading/rubric';

const OPTIMIZERS = 'src/optimizers.ts';
const MINIMIZE = 'src/minimize.ts';

/** Exercise 3: every graded test, its points and its hint — the only place they are set. */
export const rubric = defineRubric({
  exercise: 'exercise-3',
  title: { en: 'Optimizers and gradient descent with stopping criteria', ru: 'Оптимизаторы и градиентный спуск с критериями остановки' },
  items: {
    sgd: {
      points: 2,
      fn: 'SGD',
      file: OPTIMIZERS,
      title: { en: 'SGD: one step w ← w − η·g', ru: 'SGD: один шаг w ← w − η·g' },
      hint: {
        en: 'w ← w − η·g with a MINUS: the lecture notes print “w ← w + η∇L”, a typo that climbs uphill — README §3.2',
        ru: 'w ← w − η·g, со знаком МИНУС: в конспекте напечатано «w ← w + η∇L» — это опечатка, так мы пойдём в гору — README §3.2',
      },
    },
    momentum: {
      points: 3,
      fn: 'Momentum',
      file: OPTIMIZERS,
      title: { en: 'Momentum: first step, then 50 steps vs the formula', ru: 'Momentum: первый шаг, затем 50 шагов по формуле' },
      hint: {
        en: 'v ← γ·v + η·g (v starts at 0, keep it in the object between calls), then w ← w − v — README §3.3',
        ru: 'v ← γ·v + η·g (v сначала 0, храните его в объекте между вызовами), затем w ← w − v — README §3.3',
      },
    },
    adagrad: {
      points: 3,
      fn: 'AdaGrad',
      file: OPTIMIZERS,
      title: { en: 'AdaGrad: first step, then 50 steps vs the formula', ru: 'AdaGrad: первый шаг, затем 50 шагов по формуле' },
      hint: {
        en: 'G ← G + g² accumulates over ALL steps; w ← w − η·g / √(G + ε); a zero gradient must give a zero step, not NaN — README §3.4',
        ru: 'G ← G + g² накапливается по ВСЕМ шагам; w ← w − η·g / √(G + ε); нулевой градиент даёт нулевой шаг, а не NaN — README §3.4',
      },
    },
    adagradShrinks: {
      points: 1,
      fn: 'AdaGrad',
      file: OPTIMIZERS,
      title: { en: 'AdaGrad: under a constant gradient the step is η/√t', ru: 'AdaGrad: при постоянном градиенте шаг равен η/√t' },
      hint: {
        en: 'after t steps of the same g, G = t·g², so the step is η·g/√(t·g²) = η/√t — README §3.4',
        ru: 'после t шагов с одним и тем же g имеем G = t·g², и шаг равен η·g/√(t·g²) = η/√t — README §3.4',
      },
    },
    rmsprop: {
      points: 3,
      fn: 'RMSProp',
      file: OPTIMIZERS,
      title: { en: 'RMSProp: first step, then 50 steps vs the formula', ru: 'RMSProp: первый шаг, затем 50 шагов по формуле' },
      hint: {
        en: 'E ← β·E + (1 − β)·g² (β multiplies the OLD average), then w ← w − η·g / √(E + ε) — README §3.5',
        ru: 'E ← β·E + (1 − β)·g² (β умножает СТАРОЕ среднее), затем w ← w − η·g / √(E + ε) — README §3.5',
      },
    },
    rmspropForgets: {
      points: 1,
      fn: 'RMSProp',
      file: OPTIMIZERS,
      title: { en: 'RMSProp: forgets old gradients, its step recovers', ru: 'RMSProp: забывает старые градиенты, шаг восстанавливается' },
      hint: {
        en: 'E is a moving average, not a sum: multiply the old E by β at every step, so a gradient seen k steps ago weighs β^k — README §3.5',
        ru: 'E — скользящее среднее, а не сумма: на каждом шаге старое E умножается на β, и градиент k шагов назад весит β^k — README §3.5',
      },
    },
    adam: {
      points: 4,
      fn: 'Adam',
      file: OPTIMIZERS,
      title: { en: 'Adam: bias-corrected first step, then 50 steps', ru: 'Adam: первый шаг с поправкой смещения, затем 50 шагов' },
      hint: {
        en: 't ← t + 1 first; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ); w ← w − η·m̂/(√v̂ + ε) — README §3.6',
        ru: 'сначала t ← t + 1; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ); w ← w − η·m̂/(√v̂ + ε) — README §3.6',
      },
    },
    independentState: {
      points: 2,
      fn: 'step',
      file: OPTIMIZERS,
      title: { en: 'all optimizers: own state per object, inputs unchanged', ru: 'все оптимизаторы: своё состояние у объекта, входы целы' },
      hint: {
        en: 'keep the state in fields of the object (this.v), not in variables outside the class; use add/sub/mul (new tensors), not add_/sub_ (in place) — README §3.1',
        ru: 'храните состояние в полях объекта (this.v), а не в переменных вне класса; используйте add/sub/mul (новые тензоры), а не add_/sub_ (на месте) — README §3.1',
      },
    },
    quadratic: {
      points: 3,
      fn: 'step',
      file: OPTIMIZERS,
      title: { en: 'all optimizers: ½xᵀAx (condition 100), f < 1e-8 in budget', ru: 'все оптимизаторы: ½xᵀAx (обусловл. 100), f < 1e-8 в бюджете' },
      hint: {
        en: 'if one-step and 50-step tests pass this passes too; a loss that grows means a sign error (w + …) — README §3.7',
        ru: 'если тесты одного шага и 50 шагов проходят, пройдёт и этот; растущий loss — ошибка знака (w + …) — README §3.7',
      },
    },
    rosenbrock: {
      points: 2,
      fn: 'step',
      file: OPTIMIZERS,
      title: { en: 'Adam, Momentum: Rosenbrock, f < 1e-6 in budget', ru: 'Adam, Momentum: функция Розенброка, f < 1e-6 в бюджете' },
      hint: {
        en: 'the velocity (Momentum) and the moments m, v (Adam) must persist between calls — README §3.7',
        ru: 'скорость (Momentum) и моменты m, v (Adam) должны сохраняться между вызовами — README §3.7',
      },
    },
    stopMaxIterations: {
      points: 2,
      fn: 'minimize',
      file: MINIMIZE,
      title: { en: 'minimize: maxIterations; losses has iterations + 1 values', ru: 'minimize: maxIterations; в losses iterations + 1 значений' },
      hint: {
        en: 'losses starts with f(x0) and gets one value per step; check “k = maxIterations” before each step, so k = 0 takes no step — README §3.8',
        ru: 'losses начинается с f(x0) и пополняется на каждом шаге; проверяйте «k = maxIterations» перед каждым шагом, при 0 шагов нет — README §3.8',
      },
    },
    stopTolerance: {
      points: 2,
      fn: 'minimize',
      file: MINIMIZE,
      title: { en: 'minimize: tolerance, stop when ‖x_k − x_{k−1}‖₂ < tol', ru: 'minimize: tolerance, стоп при ‖x_k − x_{k−1}‖₂ < tol' },
      hint: {
        en: 'the Euclidean norm of the step just taken, strictly less than tolerance (equal does not stop) — README §3.8',
        ru: 'евклидова норма только что сделанного шага, строго меньше tolerance (равенство не останавливает) — README §3.8',
      },
    },
    stopTargetLoss: {
      points: 2,
      fn: 'minimize',
      file: MINIMIZE,
      title: { en: 'minimize: targetLoss, stop when f(x_k) < targetLoss', ru: 'minimize: targetLoss, стоп при f(x_k) < targetLoss' },
      hint: {
        en: 'strictly less; checked after the step and before “k = maxIterations” is looked at again — README §3.8',
        ru: 'строго меньше; проверяется после шага, раньше чем снова проверяется «k = maxIterations» — README §3.8',
      },
    },
    stopDivergence: {
      points: 2,
      fn: 'minimize',
      file: MINIMIZE,
      title: { en: 'minimize: divergence, f not finite or > factor·f(x_0)', ru: 'minimize: divergence, f не конечно или > factor·f(x_0)' },
      hint: {
        en: 'check it first after every step: Number.isFinite(loss) and loss > divergenceFactor · losses[0] — README §3.8',
        ru: 'проверяйте её первой после каждого шага: Number.isFinite(loss) и loss > divergenceFactor · losses[0] — README §3.8',
      },
    },
  },
});
