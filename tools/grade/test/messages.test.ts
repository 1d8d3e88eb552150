import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, REPO_ROOT, loadRubric } from '@dlcourse/grading/runner';
import { gradeClass } from '../src/grade-class.js';
import { readResults } from './support/read-results.js';
import { fresh } from './support/temp-dirs.js';
import { gradeFromEvents } from '../src/grade-from-events.js';
import { SANDBOX_MESSAGES } from '../src/sandbox/worker-setup/messages.js';

describe("the sandbox's messages to students", () => {
  it('every phrase exists in English and in Russian', () => {
    for (const [name, phrase] of Object.entries(SANDBOX_MESSAGES)) {
      const text = (phrase as (...args: string[]) => Record<string, string>)('x', 'y');
      expect({ name, en: text.en.length > 5, ru: /[а-я]/i.test(text.ru) }).toEqual({ name, en: true, ru: true });
    }
  });

  it('a submission stopped by the time limit reads why in the language of the run', async () => {
    const rubric = await loadRubric('exercise-1');
    const grade = (language: 'en' | 'ru') => gradeFromEvents('exercise-1', { rubric }, [], { kind: 'timeout', limitMs: 40_000 }, 40, DEFAULT_SEED, language);
    for (const test of grade('ru').tests) expect(test.message).toMatch(/не запущен: проверка остановлена через 40 с/);
    for (const test of grade('en').tests) expect(test.message).toMatch(/not run: grading was stopped after 40 s/);
  });

  it('a replaced built-in is named in the student’s language', async () => {
    const rubric = await loadRubric('exercise-1');
    const events = [{ type: 'module-error' as const, exercise: 'exercise-1', message: "TypeError: Cannot assign to read only property 'abs' of object '#<Object>'" }];
    const [first] = gradeFromEvents('exercise-1', { rubric }, events, { kind: 'finished' }, 1, DEFAULT_SEED, 'ru').tests;
    expect(first!.message).toMatch(/ваш код не загрузился: TypeError: Math\.abs нельзя заменять во время проверки/);
  });
});

describe("the hardened worker's messages, end to end", () => {
  it('a submission graded with --lang ru reads the network block in Russian', async () => {
    const classDir = fresh('ru-class');
    const out = fresh('ru-out');
    const src = join(classDir, 'network', 'exercises', 'exercise-1', 'src');
    cpSync(fileURLToPath(new URL('./fixtures/class/network', import.meta.url)), join(classDir, 'network'), { recursive: true });
    cpSync(join(REPO_ROOT, 'solutions', 'exercise-1', 'src', 'activations.ts'), join(src, 'reference.ts'));
    await gradeClass({ submissions: classDir, out, exercises: ['1'], jobs: 1, timeoutMs: 60_000, testTimeoutMs: 30_000, memoryMb: 1024, seed: DEFAULT_SEED, language: 'ru', quiet: true });
    const failed = readResults(out, 'network', 'exercise-1').tests.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const test of failed) expect(test.output).toMatch(/сеть во время проверки недоступна \(ваш код вызвал /);
  }, 120_000);
});
