import { currentLanguage } from './i18n.js';

/**
 * Every phrase the kit itself puts in a failure message, in English and Russian. The language
 * is the run's (dlgrade --lang, DLCOURSE_LANG, or the locale); the runner passes it to the test
 * workers through DLCOURSE_LANG.
 */
const EN = {
  input: 'input:',
  expected: 'expected:',
  got: 'got:',
  result: 'the result',
  kind: (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v),
  shouldBeTensor: (what: string, is: string) => `${what} should be a Tensor, but it is ${is}.`,
  shouldBeNumber: (what: string, isTensor: boolean, is: string) => `${what} should be a number, but it is ${isTensor ? 'a Tensor (use .item())' : is}.`,
  wrongShape: (what: string, got: string, want: string) => `${what} has shape ${got} but should have shape ${want}.`,
  wrongGradientShape: (what: string, got: string, want: string) => `${what} has shape ${got} but must have the shape of its variable, ${want}.`,
  wrongCount: (what: string, got: number, want: number) => `${what} has ${got} values but should have ${want}.`,
  wrongValue: (what: string) => `${what} is wrong.`,
  worstElement: (index: string, expected: string, got: string, diff: string, allowed: string) =>
    `worst element at index ${index}: expected ${expected}, got ${got} (difference ${diff}, allowed ${allowed})`,
  notNumerical: (what: string) => `${what} does not match the numerical gradient (central differences).`,
  worstGradient: (index: string, analytic: string, numeric: string, err: string, limit: string) =>
    `worst element at index ${index}: analytic ${analytic}, numerical ${numeric}, relative error ${err} > ${limit}`,
  foundBy: (seed: number, path: string, shrinks: number) => `found by fast-check with seed ${seed}, path "${path}", shrunk ${shrinks} time(s)`,
  notImplemented: (fn: string, file: string) => `${fn} is not implemented yet: write it in ${file}.`,
  timeout: (fn: string, seconds: number) => `${fn} did not finish within ${seconds} s — look for a loop that never ends.`,
  threwNonError: (fn: string, value: string) => `${fn} threw a value that is not an Error: ${value}. Throw new Error('…') instead.`,
  failed: (fn: string, message: string) => `${fn} failed: ${message}`,
  hint: 'hint:',
};

const RU: typeof EN = {
  input: 'вход:',
  expected: 'ожидалось:',
  got: 'получено:',
  result: 'результат',
  kind: (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'массив' : typeof v === 'object' ? 'объект' : typeof v),
  shouldBeTensor: (what, is) => `${what}: должен быть Tensor, а это ${is}.`,
  shouldBeNumber: (what, isTensor, is) => `${what}: должно быть числом, а это ${isTensor ? 'Tensor (используйте .item())' : is}.`,
  wrongShape: (what, got, want) => `${what}: форма ${got}, а должна быть ${want}.`,
  wrongGradientShape: (what, got, want) => `${what}: форма ${got}, а должна совпадать с формой переменной, ${want}.`,
  wrongCount: (what, got, want) => `${what}: ${got} значений, а должно быть ${want}.`,
  wrongValue: (what) => `${what}: неверное значение.`,
  worstElement: (index, expected, got, diff, allowed) =>
    `хуже всего элемент ${index}: ожидалось ${expected}, получено ${got} (разница ${diff}, допустимо ${allowed})`,
  notNumerical: (what) => `${what} не совпадает с численным градиентом (центральные разности).`,
  worstGradient: (index, analytic, numeric, err, limit) =>
    `хуже всего элемент ${index}: аналитически ${analytic}, численно ${numeric}, относительная ошибка ${err} > ${limit}`,
  foundBy: (seed, path, shrinks) => `найдено fast-check: seed ${seed}, path "${path}", уменьшено ${shrinks} раз(а)`,
  notImplemented: (fn, file) => `${fn} ещё не реализована: напишите её в ${file}.`,
  timeout: (fn, seconds) => `${fn} не завершилась за ${seconds} с — поищите бесконечный цикл.`,
  threwNonError: (fn, value) => `${fn} выбросила не Error, а ${value}. Используйте throw new Error('…').`,
  failed: (fn, message) => `${fn} упала с ошибкой: ${message}`,
  hint: 'подсказка:',
};

export function messages(): typeof EN {
  return currentLanguage() === 'ru' ? RU : EN;
}
