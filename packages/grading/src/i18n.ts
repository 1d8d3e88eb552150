/** Student-facing text comes in the course's language (Russian) and English. */
export interface Text {
  en: string;
  ru: string;
}

export type Language = keyof Text;

/** DLCOURSE_LANG=ru|en wins; otherwise Russian when the locale is Russian, else English. */
export function currentLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const explicit = env.DLCOURSE_LANG?.toLowerCase();
  if (explicit === 'ru' || explicit === 'en') return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function say(text: Text | string, language: Language = currentLanguage()): string {
  return typeof text === 'string' ? text : text[language];
}
