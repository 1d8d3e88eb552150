import { stripVTControlCharacters } from 'node:util';
import type { Language, Rubric } from '@dlcourse/grading';
import { gradeFromReports, graderDir, hasHiddenSuites, type GradeResult, type ItemReport } from '@dlcourse/grading/runner';
import type { Ending } from './sandbox/grade-one-host.js';
import type { GradeEvent } from './sandbox/protocol.js';
import { frozenOwner } from './sandbox/worker-setup/frozen-built-ins.js';
import { SANDBOX_MESSAGES, say } from './sandbox/worker-setup/messages.js';

export interface ExerciseInput {
  rubric: Rubric;
  /** The submission's private copy: its path is cut out of messages, which then read like the student's own repository. */
  copyDir?: string;
  /** Why the grader could not even start for this exercise (no index.ts in the submission). */
  missing?: string;
}

/**
 * Builds one exercise's grade from the rubric and the events grade-one sent. A test scores only
 * if vitest reported it passed; every rubric item without a result fails with the reason the run
 * ended (a time limit, memory, a crash, process.exit, code that did not load), so neither a
 * crash nor a forged file can raise a score.
 */
export function gradeFromEvents(exercise: string, input: ExerciseInput, events: GradeEvent[], ending: Ending, executionTime: number, seed: number, language: Language): GradeResult {
  const reports = new Map<string, ItemReport>();
  const loadErrors: string[] = [];
  for (const event of events) {
    if (event.type === 'test' && event.exercise === exercise) reports.set(event.key, { state: event.state, message: event.message, kind: event.kind });
    if (event.type === 'module-error' && event.exercise === exercise) loadErrors.push(event.message);
  }
  const runErrors = events.flatMap((e) => (e.type === 'run-error' ? [e.message] : []));
  const errors = [...(input.missing ? [input.missing] : []), ...loadErrors, ...(ending.kind !== 'finished' ? [endingReason(ending, language)] : []), ...runErrors];
  const context = { copyDir: input.copyDir, missing: input.missing, loadErrors, runErrors, ending, language };
  return gradeFromReports(input.rubric, reports, {
    executionTime,
    seed,
    language,
    exerciseNumber: exercise.replace(/^\D*/, '') || exercise,
    errors,
    hiddenSuitesPresent: hasHiddenSuites(graderDir(exercise)),
    notPassedReason: (_item, report) => notRunReason({ ...context, ran: report !== undefined }),
    readable: (message) => readable(message, input.copyDir, language),
  });
}

/** Without terminal colours, and with paths relative to the student's repository. */
function readable(message: string, copyDir: string | undefined, language: Language): string {
  let text = stripVTControlCharacters(message);
  if (copyDir) text = text.split(`${copyDir}/`).join('').split('../submission/').join('');
  // A frozen built-in (frozen-built-ins.ts) refuses an assignment with V8's own words, which do
  // not say which built-in ('abs' of object '#<Object>'): name it as the other replacements are.
  const replaced = /Cannot assign to read only property '([^']+)' of \w+ '[^']*'|Cannot redefine property: (\S+)/.exec(text);
  const owner = replaced ? frozenOwner(replaced[1] ?? replaced[2]!) : null;
  if (replaced && owner) text = text.replace(replaced[0], say(language, SANDBOX_MESSAGES.cannotReplace, owner));
  if (text.includes('Access to this API has been restricted')) {
    text = text.replace('Access to this API has been restricted', `Access to this API has been restricted (${say(language, SANDBOX_MESSAGES.restricted)})`);
  }
  return text;
}

function notRunReason(context: { copyDir?: string; missing?: string; loadErrors: string[]; runErrors: string[]; ending: Ending; ran: boolean; language: Language }): string {
  const { language } = context;
  if (context.missing) return say(language, SANDBOX_MESSAGES.notRun, context.missing);
  if (context.ran) return say(language, SANDBOX_MESSAGES.skipped);
  if (context.loadErrors.length) return say(language, SANDBOX_MESSAGES.didNotLoad, readable(context.loadErrors[0]!, context.copyDir, language));
  if (context.ending.kind !== 'finished') return say(language, SANDBOX_MESSAGES.notRun, endingReason(context.ending, language));
  if (context.runErrors.some((m) => /process\.exit/i.test(m))) return say(language, SANDBOX_MESSAGES.exitCalled);
  if (context.runErrors.some((m) => /Worker .*(emitted error|exited unexpectedly)/i.test(m))) return say(language, SANDBOX_MESSAGES.workerEnded);
  if (context.runErrors.length) return say(language, SANDBOX_MESSAGES.runFailed, context.runErrors[0]!);
  return say(language, SANDBOX_MESSAGES.missingTest);
}

/** The student-readable sentence for a sandbox that did not finish normally. */
export function endingReason(ending: Ending, language: Language): string {
  switch (ending.kind) {
    case 'finished':
      return 'finished';
    case 'timeout':
      return say(language, SANDBOX_MESSAGES.timeout, Math.round(ending.limitMs / 1000));
    case 'memory':
      return say(language, SANDBOX_MESSAGES.memory, ending.limitMb);
    case 'crashed':
      return say(language, SANDBOX_MESSAGES.crashed, ending.signal ? `signal ${ending.signal}` : `exit code ${ending.code}`);
  }
}
