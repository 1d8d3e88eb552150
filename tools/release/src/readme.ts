/** The student repository's README.md (Russian, then English), in place of the instructor's. */

export interface ExerciseLine {
  name: string;
  ru: string;
  en: string;
}

export const EXERCISES: ExerciseLine[] = [
  { name: 'exercise-1', ru: 'активации: sigmoid, tanh, ReLU, softmax — прямой и обратный проход', en: 'activations: sigmoid, tanh, ReLU, softmax — forward and backward' },
  { name: 'exercise-2', ru: 'линейный слой и обратное распространение вручную; MSE; два слоя без активации схлопываются', en: 'a linear layer and backpropagation by hand; MSE; two layers collapse without activation' },
  { name: 'exercise-3', ru: 'оптимизаторы: SGD, Momentum, AdaGrad, RMSProp, Adam; градиентный спуск с критериями остановки', en: 'optimizers: SGD, Momentum, AdaGrad, RMSProp, Adam; gradient descent with stopping criteria' },
  { name: 'exercise-4', ru: 'автоград: свой маленький движок обратного режима', en: 'autograd: a small reverse-mode engine of your own' },
  { name: 'exercise-5', ru: 'классификатор notMNIST: PNG, кодирование меток, разбиение, 784→256 ReLU→10', en: 'the notMNIST classifier: read the PNGs, encode, split, train 784→256 ReLU→10' },
  { name: 'exercise-6', ru: 'регрессия с Adam на данных diabetes: стандартизация, Linear–ReLU–Linear, MSE, R²', en: 'regression with Adam on the diabetes data: standardise, Linear–ReLU–Linear, MSE, R²' },
];

export function studentReadme(exercises: readonly string[]): string {
  const lines = EXERCISES.filter((e) => exercises.includes(e.name));
  const missing = exercises.filter((name) => !EXERCISES.some((e) => e.name === name));
  const all = [...lines, ...missing.map((name) => ({ name, ru: `см. exercises/${name}/README.md`, en: `see exercises/${name}/README.md` }))];
  const tableRu = all.map((e) => `| [${e.name}](exercises/${e.name}/README.md) | ${e.ru} |`).join('\n');
  const tableEn = all.map((e) => `| [${e.name}](exercises/${e.name}/README.md) | ${e.en} |`).join('\n');
  return `# dlcourse — упражнения курса глубокого обучения · deep-learning course exercises

*Русский текст ниже, English follows.*

## Русский

### Установка

Нужны Node 20 (≥ 20.11) и npm.

\`\`\`
npm ci                 # ставит всё, что нужно (один раз)
\`\`\`

### Упражнения

Каждое упражнение — папка \`exercises/exercise-N/\` с README (задача, формулы, сигнатуры функций).
Пишите код в её папке \`src/\` и проверяйте:

\`\`\`
npx nx test exercise-1          # оценка упражнения 1: баллы за каждый тест, первые ошибки, следующий шаг
npx nx run exercise-1:watch     # то же самое при каждом сохранении файла
npm test                        # оценить все упражнения подряд
npm run typecheck               # проверка типов TypeScript во всём репозитории
\`\`\`

Ошибка говорит, какая функция, на каком входе (найденном и упрощённом fast-check), что ожидалось,
что вернул ваш код, и на какой раздел README смотреть. Сообщения на русском, если у вас русская
локаль; язык можно задать явно: \`DLCOURSE_LANG=ru\` или \`en\`. Код выхода 0 только при полном балле.
Нетронутая заготовка получает 0 баллов и подсказку «Следующий шаг: напишите …».

| упражнение | тема |
| --- | --- |
${tableRu}

Проверки, которые вы запускаете, — открытые (\`graders/exercise-N/public/\`, баллы и подсказки в
\`graders/exercise-N/rubric.ts\`). Читать их можно и полезно; менять их бессмысленно: преподаватель
оценивает вашу папку \`exercises/exercise-N\` своими копиями проверок, возможно, с дополнительными
скрытыми тестами.

### Данные notMNIST (упражнение 5)

\`\`\`
npm run data:notmnist                                                # найти в кэше или скачать
npm run data:notmnist -- --archive путь/к/notMNIST_small.tar.gz       # или взять ваш файл
\`\`\`

Архив ищется в \`--archive\`, затем в \`$NOTMNIST_ARCHIVE\`, затем в папке кэша
(\`$DLCOURSE_CACHE_DIR\`, иначе \`~/.cache/dlcourse\`), иначе скачивается и проверяется по sha256.
Тесты упражнения 5 на настоящих данных берут архив из переменной \`NOTMNIST_ARCHIVE\`:

\`\`\`
export NOTMNIST_ARCHIVE=~/.cache/dlcourse/notMNIST_small.tar.gz   # туда его кладёт data:notmnist
npx nx test exercise-5
\`\`\`

### Что здесь есть

- \`exercises/\` — ваши заготовки; \`graders/\` — открытые проверки.
- \`packages/engine\` — движок курса: тензоры, автоград, \`nn\`, \`optim\`, \`data\`; API как у PyTorch
  (см. \`packages/engine/README.md\`). Примеры: \`npm run example:notmnist -- --archive …\`,
  \`npm run example:diabetes\`.
- \`packages/grading\` — набор для проверки (\`dlgrade\`), см. \`packages/grading/README.md\`.
- \`tools/datasets\` — \`npm run data:notmnist\`.

## English

### Set up

Node 20 (≥ 20.11) and npm.

\`\`\`
npm ci                 # installs everything (once)
\`\`\`

### The exercises

Each exercise is a folder \`exercises/exercise-N/\` with a README (the task, the formulas, the
function signatures; Russian first, then English). Write your code in its \`src/\` folder and run:

\`\`\`
npx nx test exercise-1          # grade exercise 1: points per test, first failures, next step
npx nx run exercise-1:watch     # the same on every save
npm test                        # grade every exercise in turn
npm run typecheck               # strict TypeScript over the whole repository
\`\`\`

A failure tells you which function, on which input (found and shrunk by fast-check), what was
expected and what your code returned, and points to the README section with the formula. Messages
are in Russian when your locale is Russian; force one with \`DLCOURSE_LANG=ru\` or \`en\`. The exit
status is 0 only with full points. An untouched stub scores 0 and says "Next step: write …".

| exercise | topic |
| --- | --- |
${tableEn}

The graders you run are the public ones (\`graders/exercise-N/public/\`; points and hints in
\`graders/exercise-N/rubric.ts\`). Read them freely; changing them changes nothing: your instructor
grades your \`exercises/exercise-N\` folder with their own copy, possibly with hidden tests too.

### The notMNIST data (exercise 5)

\`\`\`
npm run data:notmnist                                             # find it in the cache, else download it
npm run data:notmnist -- --archive path/to/notMNIST_small.tar.gz   # or use a copy you have
\`\`\`

It takes the archive from \`--archive\`, else \`$NOTMNIST_ARCHIVE\`, else the cache folder
(\`$DLCOURSE_CACHE_DIR\`, else \`~/.cache/dlcourse\`), else downloads it and checks its sha256.
Exercise 5's tests on the real data read the archive from \`NOTMNIST_ARCHIVE\`:

\`\`\`
export NOTMNIST_ARCHIVE=~/.cache/dlcourse/notMNIST_small.tar.gz   # where data:notmnist puts it
npx nx test exercise-5
\`\`\`

### What is here

- \`exercises/\` — your stubs; \`graders/\` — the public graders.
- \`packages/engine\` — the course's engine: tensors, autograd, \`nn\`, \`optim\`, \`data\`, with an
  API a PyTorch user recognises (see \`packages/engine/README.md\`). Examples:
  \`npm run example:notmnist -- --archive …\`, \`npm run example:diabetes\`.
- \`packages/grading\` — the grading kit (\`dlgrade\`), see \`packages/grading/README.md\`.
- \`tools/datasets\` — \`npm run data:notmnist\`.
`;
}
