import { defineRubric } from '@dlcourse/grading/rubric';
import { ACCURACY_ITEM_TIMEOUT_MS, FULL_CREDIT_ACCURACY, PARTIAL_CREDIT_ACCURACY, TRAINING_BUDGET_S } from './thresholds.js';

const DATA = 'src/data.ts';
const MODEL = 'src/model.ts';

/** Exercise 5: every graded test, its points and its hint — the only place they are set. */
export const rubric = defineRubric({
  exercise: 'exercise-5',
  title: { en: 'The notMNIST classifier', ru: 'Классификатор notMNIST' },
  items: {
    readImages: {
      points: 3,
      fn: 'readImages',
      file: DATA,
      title: { en: 'readImages: [N, 784] float32, letters from folders, 0-byte skipped', ru: 'readImages: [N, 784] float32, буквы из папок, пустой файл пропущен' },
      hint: {
        en: 'one row per readable PNG of A/ … J/; the letter is the FOLDER name, not the file name; a 0-byte file is skipped (try/catch around sharp), not fatal — README §5.1',
        ru: 'одна строка на каждый читаемый PNG из A/ … J/; буква — имя ПАПКИ, а не файла; пустой файл пропускается (try/catch вокруг sharp), а не роняет чтение — README §5.1',
      },
    },
    readImagesPixels: {
      points: 2,
      fn: 'readImages',
      file: DATA,
      title: { en: 'readImages: pixel values are byte / 255, in [0, 1]', ru: 'readImages: значения пикселей — байт / 255, в [0, 1]' },
      hint: {
        en: "decode with sharp(...).toColourspace('b-w').raw() (one byte per pixel, row after row) and divide every byte by 255 — README §5.1",
        ru: "декодируйте sharp(...).toColourspace('b-w').raw() (один байт на пиксель, строка за строкой) и разделите каждый байт на 255 — README §5.1",
      },
    },
    encodeLabels: {
      points: 2,
      fn: 'encodeLabels',
      file: DATA,
      title: { en: 'encodeLabels: A → 0 … J → 9, int32, classes A–J', ru: 'encodeLabels: A → 0 … J → 9, int32, classes A–J' },
      hint: {
        en: 'the code of a letter is its place in the SORTED list of letters (LabelEncoder().fit(letters)), not the order in which letters first appear; y is an int32 tensor — README §5.2',
        ru: 'код буквы — её место в ОТСОРТИРОВАННОМ списке букв (LabelEncoder().fit(letters)), а не порядок первого появления; y — тензор int32 — README §5.2',
      },
    },
    splitSizes: {
      points: 2,
      fn: 'splitData',
      file: DATA,
      title: { en: 'splitData: 18,724 → 11,983 / 2,996 / 3,745, x and y rows paired', ru: 'splitData: 18 724 → 11 983 / 2 996 / 3 745, строки x и y в паре' },
      hint: {
        en: 'testSize 0.2 TWICE: first the test part out of all rows, then the validation part out of the rest; split x and y in ONE trainTestSplit([x, y], …) call so their rows stay paired — README §5.3',
        ru: 'testSize 0.2 ДВАЖДЫ: сначала тестовая часть из всех строк, потом валидационная из оставшихся; делите x и y ОДНИМ вызовом trainTestSplit([x, y], …), чтобы строки остались в паре — README §5.3',
      },
    },
    splitDisjoint: {
      points: 2,
      fn: 'splitData',
      file: DATA,
      title: { en: 'splitData: train, validation, test disjoint, every row once', ru: 'splitData: train, validation, test не пересекаются, каждая строка ровно раз' },
      hint: {
        en: 'the second split takes the rest of the first one (xRest), and the training part is what the second split leaves — not xRest itself — README §5.3',
        ru: 'второе разбиение делит остаток первого (xRest), а обучающая часть — то, что осталось после второго, а не сам xRest — README §5.3',
      },
    },
    splitSeeded: {
      points: 2,
      fn: 'splitData',
      file: DATA,
      title: { en: 'splitData: shuffled, the same seed gives the same split', ru: 'splitData: перемешивает, один seed — одно разбиение' },
      hint: {
        en: 'pass the seed to both trainTestSplit calls ({ testSize: 0.2, seed }); do not use Math.random or shuffle: false — README §5.3',
        ru: 'передайте seed в оба вызова trainTestSplit ({ testSize: 0.2, seed }); не используйте Math.random и shuffle: false — README §5.3',
      },
    },
    buildModel: {
      points: 3,
      fn: 'buildModel',
      file: MODEL,
      title: { en: 'buildModel: [n, 784] → [n, 10] logits, nonlinear, seeded', ru: 'buildModel: [n, 784] → [n, 10] логиты, нелинейна, от генератора' },
      hint: {
        en: 'Linear(784, 256) → ReLU → Linear(256, 10), each Linear given { generator }; no Softmax at the end: crossEntropy wants logits — README §5.4',
        ru: 'Linear(784, 256) → ReLU → Linear(256, 10), каждому Linear — { generator }; без Softmax в конце: crossEntropy принимает логиты — README §5.4',
      },
    },
    trainLoop: {
      points: 3,
      fn: 'train',
      file: MODEL,
      title: { en: 'train: the loop lowers the loss, one loss per epoch', ru: 'train: цикл снижает loss, один loss на эпоху' },
      hint: {
        en: 'for every epoch, for every batch: optimizer.zeroGrad(); loss = crossEntropy(model.forward(xb), yb); loss.backward(); optimizer.step(); return the mean loss of each epoch — README §5.5',
        ru: 'для каждой эпохи и каждого батча: optimizer.zeroGrad(); loss = crossEntropy(model.forward(xb), yb); loss.backward(); optimizer.step(); верните средний loss каждой эпохи — README §5.5',
      },
    },
    accuracyFn: {
      points: 2,
      fn: 'accuracy',
      file: MODEL,
      title: { en: 'accuracy: share of rows whose argmax over classes is y', ru: 'accuracy: доля строк, где argmax по классам равен y' },
      hint: {
        en: 'scores are [n, 10]: argmax over dim 1 (the classes), compare with y, mean; return a number (.item()) — README §5.6',
        ru: 'оценки имеют форму [n, 10]: argmax по оси 1 (по классам), сравнить с y, среднее; вернуть число (.item()) — README §5.6',
      },
    },
    testAccuracyPartial: {
      points: 4,
      fn: 'train',
      file: MODEL,
      timeoutMs: ACCURACY_ITEM_TIMEOUT_MS,
      title: {
        en: `real notMNIST: held-out test accuracy ≥ ${PARTIAL_CREDIT_ACCURACY} (training ≤ ${TRAINING_BUDGET_S} s)`,
        ru: `настоящий notMNIST: точность на отложенном тесте ≥ ${PARTIAL_CREDIT_ACCURACY} (обучение ≤ ${TRAINING_BUDGET_S} с)`,
      },
      hint: {
        en: `graded only once items 5.1–5.9 pass; the grader trains buildModel() with train() on the 11,983 training images and measures the 3,745 test images; the baseline (Adam 1e-3, batch 128, 10 epochs) reaches ≈ 0.916 in about 10 s — README §5.7`,
        ru: `проверяется, только когда пройдены пункты 5.1–5.9; грейдер обучает buildModel() функцией train() на 11 983 обучающих картинках и меряет на 3 745 тестовых; базовая модель (Adam 1e-3, батч 128, 10 эпох) даёт ≈ 0,916 примерно за 10 с — README §5.7`,
      },
    },
    testAccuracyFull: {
      points: 4,
      fn: 'train',
      file: MODEL,
      timeoutMs: ACCURACY_ITEM_TIMEOUT_MS,
      title: {
        en: `real notMNIST: held-out test accuracy ≥ ${FULL_CREDIT_ACCURACY} (training ≤ ${TRAINING_BUDGET_S} s)`,
        ru: `настоящий notMNIST: точность на отложенном тесте ≥ ${FULL_CREDIT_ACCURACY} (обучение ≤ ${TRAINING_BUDGET_S} с)`,
      },
      hint: {
        en: 'a hidden layer of 256 ReLU units trained on logits with Adam clears 0.90; logistic regression (0.871) and Softmax before crossEntropy (0.897) do not — README §5.7',
        ru: 'скрытый слой из 256 нейронов с ReLU, обученный на логитах с Adam, даёт больше 0,90; логистическая регрессия (0,871) и Softmax перед crossEntropy (0,897) — нет — README §5.7',
      },
    },
  },
});
