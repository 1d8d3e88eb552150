import { defineRubric } from '@dlcourse/grading/rubric';

const FILE = 'src/value.ts';

/** Exercise 4: every graded test, its points and its hint — the only place they are set. */
export const rubric = defineRubric({
  exercise: 'exercise-4',
  title: { en: 'Autograd: a scalar reverse-mode engine', ru: 'Автоград: скалярный обратный режим дифференцирования' },
  items: {
    arithmetic: {
      points: 2,
      fn: 'Value.add',
      file: FILE,
      title: { en: 'add, sub, neg, mul, div: values and local derivatives', ru: 'add, sub, neg, mul, div: значения и локальные производные' },
      hint: {
        en: '∂(a+b)/∂a = 1, ∂(a·b)/∂a = b, ∂(a·b)/∂b = a (the OTHER operand’s data, not a grad); a number operand becomes new Value(number) — README §4.3',
        ru: '∂(a+b)/∂a = 1, ∂(a·b)/∂a = b, ∂(a·b)/∂b = a (data ДРУГОГО операнда, не grad); число-операнд становится new Value(число) — README §4.3',
      },
    },
    pow: {
      points: 2,
      fn: 'Value.pow',
      file: FILE,
      title: { en: 'pow: value and local derivative n·aⁿ⁻¹', ru: 'pow: значение и локальная производная n·aⁿ⁻¹' },
      hint: {
        en: '∂(aⁿ)/∂a = n·a^(n−1): keep the factor n and lower the exponent by one — README §4.3',
        ru: '∂(aⁿ)/∂a = n·a^(n−1): не теряйте множитель n и уменьшите показатель на единицу — README §4.3',
      },
    },
    expLog: {
      points: 2,
      fn: 'Value.exp',
      file: FILE,
      title: { en: 'exp, log: values and local derivatives', ru: 'exp, log: значения и локальные производные' },
      hint: { en: '∂eᵃ/∂a = eᵃ (the output’s data); ∂ln a/∂a = 1/a — README §4.3', ru: '∂eᵃ/∂a = eᵃ (data самого выхода); ∂ln a/∂a = 1/a — README §4.3' },
    },
    tanh: {
      points: 1,
      fn: 'Value.tanh',
      file: FILE,
      title: { en: 'tanh: value and local derivative 1 − tanh²', ru: 'tanh: значение и локальная производная 1 − tanh²' },
      hint: { en: 'tanh′(a) = 1 − tanh²(a): square the output, t·t — README §4.3', ru: 'tanh′(a) = 1 − tanh²(a): возведите выход в квадрат, t·t — README §4.3' },
    },
    sigmoid: {
      points: 1,
      fn: 'Value.sigmoid',
      file: FILE,
      title: { en: 'sigmoid: value and local derivative σ(1 − σ)', ru: 'sigmoid: значение и локальная производная σ(1 − σ)' },
      hint: { en: 'σ(a) = 1/(1 + e^(−a)), σ′(a) = σ(a)·(1 − σ(a)) — README §4.3', ru: 'σ(a) = 1/(1 + e^(−a)), σ′(a) = σ(a)·(1 − σ(a)) — README §4.3' },
    },
    relu: {
      points: 1,
      fn: 'Value.relu',
      file: FILE,
      title: { en: 'relu: gradient 1 for a > 0, 0 for a < 0', ru: 'relu: градиент 1 при a > 0, 0 при a < 0' },
      hint: { en: 'ReLU(a) = max(a, 0); its derivative is 1 where a > 0 and 0 where a < 0 — README §4.3', ru: 'ReLU(a) = max(a, 0); производная 1 там, где a > 0, и 0 там, где a < 0 — README §4.3' },
    },
    useTwice: {
      points: 2,
      fn: 'Value.backward',
      file: FILE,
      title: { en: 'a value used twice: x·x, x + x, a shared sub-expression', ru: 'значение, использованное дважды: x·x, x + x, общее подвыражение' },
      hint: {
        en: 'gradients from every use add up: child.grad += …, never child.grad = …; and a node passes its gradient on only after ALL its consumers did (topological order) — README §4.4, §4.5',
        ru: 'градиенты от всех использований складываются: child.grad += …, а не child.grad = …; и узел передаёт градиент дальше только после ВСЕХ своих потребителей (топологический порядок) — README §4.4, §4.5',
      },
    },
    randomGraphs: {
      points: 4,
      fn: 'Value.backward',
      file: FILE,
      title: { en: 'random expression graphs vs the engine: every value and gradient', ru: 'случайные графы выражений против движка: все значения и градиенты' },
      hint: {
        en: 'chain rule: child.grad += (local derivative)·out.grad, run once per node in reverse topological order; paste the printed program into a test to replay it — README §4.2, §4.5',
        ru: 'цепное правило: child.grad += (локальная производная)·out.grad, по одному разу на узел в обратном топологическом порядке; вставьте напечатанную программу в тест, чтобы повторить — README §4.2, §4.5',
      },
    },
    backwardTwice: {
      points: 2,
      fn: 'Value.backward',
      file: FILE,
      title: { en: 'backward() twice adds the gradients again in leaves; zeroGrad resets', ru: 'backward() дважды снова прибавляет градиенты листьям; zeroGrad обнуляет' },
      hint: {
        en: 'backward() first sets the grad of every NON-leaf node of the graph to 0, then adds 1 to the output’s and propagates with +=; leaves are never reset, zeroGrad(values) sets their grad to 0 — README §4.6',
        ru: 'backward() сначала обнуляет grad всех НЕ-листьев графа, затем прибавляет 1 к grad выхода и распространяет с +=; листья не обнуляются, это делает zeroGrad(values) — README §4.6',
      },
    },
    leaves: {
      points: 1,
      fn: 'Value.isLeaf',
      file: FILE,
      title: { en: 'isLeaf; intermediate gradients after backward()', ru: 'isLeaf; градиенты промежуточных узлов после backward()' },
      hint: {
        en: 'a leaf is made by new Value(x), everything an op returns is not; after y.backward() every node v of the graph holds ∂y/∂v, the output 1 — README §4.1, §4.6',
        ru: 'лист создаётся new Value(x), всё, что возвращают операции, — не лист; после y.backward() каждый узел v графа хранит ∂y/∂v, выход — 1 — README §4.1, §4.6',
      },
    },
    deepChain: {
      points: 2,
      fn: 'Value.backward',
      file: FILE,
      title: { en: 'a chain of 60 000 tanh: backward without stack overflow', ru: 'цепочка из 60 000 tanh: backward без переполнения стека' },
      hint: {
        en: 'a recursive DFS needs one nested call per node of the chain: build the topological order with a loop and an explicit stack (or Kahn’s algorithm) — README §4.7',
        ru: 'рекурсивный DFS делает по вложенному вызову на каждый узел цепочки: стройте топологический порядок циклом с явным стеком (или алгоритмом Кана) — README §4.7',
      },
    },
    sum: {
      points: 2,
      fn: 'sum',
      file: FILE,
      title: { en: 'sum of many values, with repeats: ∂sum/∂vᵢ = 1 per occurrence', ru: 'sum многих значений, с повторами: ∂sum/∂vᵢ = 1 за каждое вхождение' },
      hint: {
        en: 'sum(values).data = Σ vᵢ.data; backward adds out.grad to EVERY entry, so a value listed k times gets k·out.grad — README §4.8',
        ru: 'sum(values).data = Σ vᵢ.data; обратный проход прибавляет out.grad КАЖДОМУ элементу, и значение, указанное k раз, получает k·out.grad — README §4.8',
      },
    },
  },
});
