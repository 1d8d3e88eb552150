/** The outcome of grading one submission on one exercise; every report is made from this. */
export interface GradeResult {
  exercise: string;
  score: number;
  maxScore: number;
  /** Seconds the grading took. */
  executionTime: number;
  tests: TestOutcome[];
  /** Problems that are not one test's: the student's code did not load, a suite crashed. */
  errors: string[];
  /** The fast-check seed the properties ran with (rerun with DLCOURSE_SEED=…). */
  seed: number;
  /** Hidden rubric items whose suites are not in this repository (the students' copy): not in tests or maxScore. */
  hiddenNotRun?: number;
}

export type TestStatus = 'passed' | 'failed' | 'not-run';

export interface TestOutcome {
  key: string;
  /** "1.3" style: exercise number and the item's position in the rubric. */
  number: string;
  title: string;
  fn: string;
  file: string;
  points: number;
  score: number;
  status: TestStatus;
  hidden: boolean;
  /** Why it failed, for the student. */
  message?: string;
  /** 'NotImplemented', 'Timeout', 'GradingFailure', … */
  kind?: string;
  /** For 'NotImplemented': the stub that was called (may differ from fn when an item uses several). */
  stub?: string;
}
