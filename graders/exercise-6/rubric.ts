import { defineRubric } from '@dlcourse/grading/rubric';

const STANDARDIZE = 'src/standardize.ts';
const MODEL = 'src/model.ts';
const TRAIN = 'src/train.ts';
const METRICS = 'src/metrics.ts';

/** Exercise 6: every graded test, its points and its hint — the only place they are set. */
export const rubric = defineRubric({
  exercise: 'exercise-6',
  title: { en: 'Regression with Adam on the diabetes data', ru: 'Регрессия с Adam на данных diabetes' },
  items: {
    standardize: {
      points: 3,
      fn: 'standardize',
      file: STANDARDIZE,
      title: { en: 'standardize: training mean and std applied to both splits', ru: 'standardize: среднее и σ обучающей выборки для обеих выборок' },
      hint: {
        en: 'μ = xTrain.mean(0), σ = √(mean((xTrain − μ)²)) over the TRAINING rows only (divide by N); then (x − μ)/σ for xTrain AND xTest — σ, not σ² — README §6.2',
        ru: 'μ = xTrain.mean(0), σ = √(mean((xTrain − μ)²)) только по ОБУЧАЮЩИМ строкам (делим на N); затем (x − μ)/σ и для xTrain, и для xTest — σ, а не σ² — README §6.2',
      },
    },
    standardizeConstant: {
      points: 1,
      fn: 'standardize',
      file: STANDARDIZE,
      title: { en: 'standardize: a constant column (σ = 0) divides by 1', ru: 'standardize: постоянный столбец (σ = 0) делится на 1' },
      hint: {
        en: 'where σ = 0, 0/0 = NaN: replace such σ by 1 (std.add(std.eq(0))), as scikit-learn does — README §6.2',
        ru: 'где σ = 0, получится 0/0 = NaN: замените такие σ на 1 (std.add(std.eq(0))), как scikit-learn — README §6.2',
      },
    },
    buildModel: {
      points: 2,
      fn: 'buildModel',
      file: MODEL,
      title: { en: 'buildModel: Linear(D, H) → ReLU → Linear(H, 1), seeded', ru: 'buildModel: Linear(D, H) → ReLU → Linear(H, 1), с seed' },
      hint: {
        en: 'new Sequential(new Linear(in, hidden, { generator }), new ReLU(), new Linear(hidden, 1, { generator })) — without ReLU the net is linear — README §6.3',
        ru: 'new Sequential(new Linear(in, hidden, { generator }), new ReLU(), new Linear(hidden, 1, { generator })) — без ReLU сеть линейна — README §6.3',
      },
    },
    predictShape: {
      points: 2,
      fn: 'predict',
      file: MODEL,
      title: { en: 'predict: returns [N] (the [N, 1] output squeezed), N = 1 too', ru: 'predict: возвращает [N] (выход [N, 1] сжат), и при N = 1' },
      hint: {
        en: 'model.forward(x) is [N, 1]; .squeeze(1) makes it [N]. squeeze() without a dim turns [1, 1] into a scalar — README §6.4',
        ru: 'model.forward(x) имеет форму [N, 1]; .squeeze(1) делает из неё [N]. squeeze() без оси превращает [1, 1] в скаляр — README §6.4',
      },
    },
    r2Score: {
      points: 3,
      fn: 'r2Score',
      file: METRICS,
      title: { en: 'r2Score: 1 − SS_res/SS_tot; perfect = 1, the mean = 0', ru: 'r2Score: 1 − SS_res/SS_tot; точный прогноз = 1, среднее = 0' },
      hint: {
        en: 'R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², both sums (not means), a minus sign; return a number (.item()) — README §6.6',
        ru: 'R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², обе — суммы (не средние), знак минус; верните число (.item()) — README §6.6',
      },
    },
    trainLosses: {
      points: 2,
      fn: 'trainRegression',
      file: TRAIN,
      title: { en: 'trainRegression: one loss per epoch, the first is the untrained MSE', ru: 'trainRegression: loss на каждую эпоху, первый — MSE до обучения' },
      hint: {
        en: 'push loss.item() once per epoch, the loss of that epoch’s forward pass (before the step): epochs numbers in all — README §6.5',
        ru: 'добавляйте loss.item() раз в эпоху — loss прямого прохода этой эпохи (до шага): всего epochs чисел — README §6.5',
      },
    },
    trainDecreases: {
      points: 2,
      fn: 'trainRegression',
      file: TRAIN,
      title: { en: 'trainRegression: the training loss goes down', ru: 'trainRegression: loss на обучении убывает' },
      hint: {
        en: 'each epoch: optimizer.zeroGrad(), forward, mseLoss, loss.backward(), THEN optimizer.step() — README §6.5',
        ru: 'в каждой эпохе: optimizer.zeroGrad(), прямой проход, mseLoss, loss.backward(), ЗАТЕМ optimizer.step() — README §6.5',
      },
    },
    trainAdam: {
      points: 3,
      fn: 'trainRegression',
      file: TRAIN,
      title: { en: 'trainRegression: full-batch Adam(lr), step by step, deterministic', ru: 'trainRegression: Adam(lr) на всём батче, шаг за шагом, детерминированно' },
      hint: {
        en: 'new Adam(model.parameters(), { lr }) with the given lr; zeroGrad every epoch (else gradients add up), backward before step — README §6.5',
        ru: 'new Adam(model.parameters(), { lr }) с переданным lr; zeroGrad в каждой эпохе (иначе градиенты складываются), backward до step — README §6.5',
      },
    },
    endToEnd: {
      points: 4,
      fn: 'trainRegression',
      file: TRAIN,
      title: { en: 'diabetes end to end: test R² above the threshold', ru: 'diabetes целиком: R² на тесте выше порога' },
      hint: {
        en: 'standardize with training statistics, buildModel, trainRegression with the given lr and epochs, predict on the test rows — README §6.7',
        ru: 'standardize по статистикам обучения, buildModel, trainRegression с данными lr и epochs, predict на тестовых строках — README §6.7',
      },
      timeoutMs: 20_000,
    },
  },
});
