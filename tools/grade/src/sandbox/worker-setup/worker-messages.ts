/**
 * What the hardened worker itself tells a student, in the run's language (DLCOURSE_LANG, set by
 * grade-one from `--lang`). The parent's sentences are in ../../messages.ts; these live here
 * because the worker may load only this folder.
 */
export type WorkerLanguage = 'en' | 'ru';

export function workerLanguage(env: NodeJS.ProcessEnv = process.env): WorkerLanguage {
  return env.DLCOURSE_LANG === 'ru' ? 'ru' : 'en';
}

/** The sentence a student reads when their code replaced a built-in or a grading helper. */
export function cannotReplace(name: string, language: WorkerLanguage): string {
  return language === 'ru'
    ? `${name} нельзя заменять во время проверки: по нему проверяются ваши ответы. Оставьте встроенные объекты и помощники проверки как есть.`
    : `${name} cannot be replaced while grading: the graders use it to check your answers. Leave built-ins and the grading helpers as they are.`;
}

export function networkBlocked(what: string, language: WorkerLanguage): string {
  return language === 'ru'
    ? `сеть во время проверки недоступна (ваш код вызвал ${what}); работайте с данными, которые даёт упражнение.`
    : `network access is not allowed while grading (your code called ${what}); grade with the data the exercise gives you.`;
}

export function killRefused(language: WorkerLanguage): string {
  return language === 'ru' ? 'process.kill во время проверки запрещён.' : 'process.kill is not allowed while grading.';
}
