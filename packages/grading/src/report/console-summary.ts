import { styleText } from 'node:util';
import type { GradeResult, TestOutcome } from './types.js';
import { currentLanguage, type Language } from '../i18n.js';

const FAILURES_SHOWN = 3;

const WORDS = {
  en: {
    score: 'Score',
    failures: 'First failures',
    next: 'Next step',
    writeFirst: (fn: string, file: string) => `write ${fn} in ${file} (the exercise README has the formula).`,
    fixFirst: (fn: string, file: string) => `fix ${fn} in ${file} (see the first failure above).`,
    allDone: 'All tests pass. Well done!',
    errors: 'Problems',
    seed: (seed: number) => `property tests ran with seed ${seed} (rerun the same cases with DLCOURSE_SEED=${seed}).`,
    hiddenNote: (n: number) => `${n} hidden test(s) are graded by the instructor.`,
    notImplemented: 'not implemented yet',
  },
  ru: {
    score: 'Баллы',
    failures: 'Первые ошибки',
    next: 'Что делать дальше',
    writeFirst: (fn: string, file: string) => `напишите ${fn} в ${file} (формула — в README упражнения).`,
    fixFirst: (fn: string, file: string) => `исправьте ${fn} в ${file} (см. первую ошибку выше).`,
    allDone: 'Все тесты пройдены. Отлично!',
    errors: 'Проблемы',
    seed: (seed: number) => `property-тесты запускались с seed ${seed} (повторить те же случаи: DLCOURSE_SEED=${seed}).`,
    hiddenNote: (n: number) => `${n} скрытых тестов проверит преподаватель.`,
    notImplemented: 'ещё не реализовано',
  },
} as const;

export interface SummaryOptions {
  colour?: boolean;
  includeHidden?: boolean;
  language?: Language;
}

/**
 * The student's view: one line per test with ✓/✗ and points, the total, the first failures
 * in full (function, input, expected vs got, hint), and what to do next.
 */
export function renderSummary(result: GradeResult, options: SummaryOptions = {}): string {
  const colour = options.colour ?? false;
  const words = WORDS[options.language ?? currentLanguage()];
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(style, text) : text);
  const visible = result.tests.filter((t) => options.includeHidden || !t.hidden);
  const lines: string[] = [];
  const width = Math.min(72, Math.max(...visible.map((t) => t.title.length), 10) + 2);
  lines.push(paint('bold', `${result.exercise}`));
  for (const t of visible) {
    const mark = t.status === 'passed' ? paint('green', '✓') : paint('red', '✗');
    const note = t.kind === 'NotImplemented' ? paint('dim', ` (${words.notImplemented})`) : '';
    lines.push(`  ${mark} ${t.number.padEnd(5)} ${t.title.padEnd(width, ' ')} ${String(t.score).padStart(3)}/${t.points}${note}`);
  }
  const visibleScore = visible.reduce((s, t) => s + t.score, 0);
  const visibleMax = visible.reduce((s, t) => s + t.points, 0);
  const hiddenCount = result.tests.length - visible.length + (result.hiddenNotRun ?? 0);
  lines.push('');
  lines.push(paint('bold', `${words.score}: ${visibleScore}/${visibleMax}`) + (hiddenCount ? `  (${words.hiddenNote(hiddenCount)})` : ''));
  if (result.errors.length) {
    lines.push('', paint('yellow', `${words.errors}:`));
    for (const e of result.errors.slice(0, 5)) lines.push(`  ${e}`);
  }
  const failures = visible.filter((t) => t.status !== 'passed');
  const explained = failures.filter((t) => t.kind !== 'NotImplemented').slice(0, FAILURES_SHOWN);
  if (explained.length) {
    lines.push('', paint('bold', `${words.failures}:`));
    for (const t of explained) lines.push(...describeFailure(t, paint));
  }
  if (failures.length === 0 && result.errors.length === 0) {
    lines.push('', paint('green', words.allDone));
  } else {
    // Broken code first (it is what the student is working on), then the next stub to write.
    const broken = failures.find((t) => t.kind !== 'NotImplemented');
    const stub = failures.find((t) => t.kind === 'NotImplemented');
    const step = broken ? words.fixFirst(broken.fn, broken.file) : stub ? words.writeFirst(stub.stub ?? stub.fn, stub.file) : null;
    if (step) lines.push('', `${paint('bold', `${words.next}:`)} ${step}`);
  }
  lines.push(paint('dim', words.seed(result.seed)));
  return lines.join('\n');
}

function describeFailure(t: TestOutcome, paint: (s: Parameters<typeof styleText>[0], x: string) => string): string[] {
  const head = `  ${paint('red', '✗')} ${t.number} ${t.title} — ${t.fn} (${t.file})`;
  const body = (t.message ?? '').split('\n').map((line) => `      ${line}`);
  return [head, ...body, ''];
}
