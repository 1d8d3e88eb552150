import type { Language } from '@dlcourse/grading';

/**
 * What the sandbox tells a student, in the course's languages (`--lang`; the graders' own
 * messages come from the grading kit). One place for every sentence, so both languages stay in
 * step; it lives in worker-setup/ because the hardened worker may load only this folder and
 * raises some of them itself (DLCOURSE_LANG, set by grade-one, says its language).
 */
type Phrase<A extends unknown[]> = (...args: A) => Record<Language, string>;

const define = <A extends unknown[]>(phrase: Phrase<A>) => phrase;

export const SANDBOX_MESSAGES = {
  timeout: define((seconds: number) => ({
    en: `grading was stopped after ${seconds} s, the time limit for a submission; a loop that never ends (or far too slow code) is the usual cause.`,
    ru: `проверка остановлена через ${seconds} с — это предел времени на одну работу; обычно причина — бесконечный цикл (или слишком медленный код).`,
  })),
  memory: define((megabytes: number) => ({
    en: `grading was stopped because your code used more than ${megabytes} MB of memory; look for arrays or tensors that grow without bound.`,
    ru: `проверка остановлена: ваш код занял больше ${megabytes} МБ памяти; поищите массивы или тензоры, которые растут без предела.`,
  })),
  crashed: define((how: string) => ({
    en: `the grader's process ended before this test ran (${how}); your code may have called process.exit or crashed Node.`,
    ru: `процесс проверки завершился до этого теста (${how}); возможно, ваш код вызвал process.exit или уронил Node.`,
  })),
  notRun: define((why: string) => ({ en: `not run: ${why}`, ru: `не запущен: ${why}` })),
  skipped: define(() => ({ en: 'not run (skipped).', ru: 'не запущен (пропущен).' })),
  didNotLoad: define((error: string) => ({ en: `not run: your code did not load: ${error}`, ru: `не запущен: ваш код не загрузился: ${error}` })),
  exitCalled: define(() => ({
    en: 'not run: your code called process.exit, which ended the grader before this test ran. Return values instead of exiting.',
    ru: 'не запущен: ваш код вызвал process.exit, и проверка закончилась раньше этого теста. Возвращайте значения вместо выхода.',
  })),
  workerEnded: define(() => ({
    en: 'not run: the process running your code ended before this test ran; your code may have called process.exit or process.reallyExit, or crashed Node.',
    ru: 'не запущен: процесс с вашим кодом завершился до этого теста; возможно, ваш код вызвал process.exit или process.reallyExit или уронил Node.',
  })),
  runFailed: define((error: string) => ({ en: `not run: the grading run failed: ${error}`, ru: `не запущен: проверка не удалась: ${error}` })),
  missingTest: define(() => ({ en: 'not run: the test is missing from the grader.', ru: 'не запущен: такого теста нет в проверке.' })),
  restricted: define(() => ({
    en: 'while grading, your code may read only its own files and write only a temp folder; it may not start processes or worker threads',
    ru: 'во время проверки ваш код может читать только свои файлы и писать только во временную папку; запускать процессы и потоки нельзя',
  })),
  cannotUnpack: define((error: string) => ({ en: `your submission could not be unpacked: ${error}`, ru: `вашу работу не удалось распаковать: ${error}` })),
  noCode: define((exercise: string, error: string) => ({ en: `your submission has no code for ${exercise}: ${error}`, ru: `в вашей работе нет кода для ${exercise}: ${error}` })),
  cannotReplace: define((name: string) => ({
    en: `${name} cannot be replaced while grading: the graders use it to check your answers. Leave built-ins and the grading helpers as they are.`,
    ru: `${name} нельзя заменять во время проверки: по нему проверяются ваши ответы. Оставьте встроенные объекты и помощники проверки как есть.`,
  })),
  networkBlocked: define((what: string) => ({
    en: `network access is not allowed while grading (your code called ${what}); grade with the data the exercise gives you.`,
    ru: `сеть во время проверки недоступна (ваш код вызвал ${what}); работайте с данными, которые даёт упражнение.`,
  })),
  importDenied: define((file: string) => ({
    en: `importing ${file} is not allowed while grading: your code may import only its own files, the engine and the packages the course installs.`,
    ru: `импорт ${file} во время проверки запрещён: ваш код может импортировать только свои файлы, движок и пакеты, которые ставит курс.`,
  })),
  unsealed: define(() => ({
    en: 'counted as failed: a pass was reported for this test that the grader itself did not see (it carries no valid seal); your code changed the test run\'s results. Only answers the grader checks can earn points.',
    ru: 'засчитан как не пройденный: для этого теста пришёл «пройден», которого проверка сама не видела (без верной печати); ваш код подменил результаты. Баллы дают только ответы, проверенные проверкой.',
  })),
  killRefused: define(() => ({ en: 'process.kill is not allowed while grading.', ru: 'process.kill во время проверки запрещён.' })),
} satisfies Record<string, Phrase<never[]>>;

/** The phrase in `language` (English where a phrase lacks it). */
export function say<A extends unknown[]>(language: Language, phrase: Phrase<A>, ...args: A): string {
  const text = phrase(...args);
  return text[language] ?? text.en;
}

/** The language of the run inside the test worker. */
export function workerLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return env.DLCOURSE_LANG === 'ru' ? 'ru' : 'en';
}
