import { availableParallelism } from 'node:os';

/** The defaults of a grading run; the CLI's flags override them. One place for every limit. */
export const DEFAULT_LIMITS = {
  /** Wall-clock limit for one submission, all its exercises together. */
  submissionTimeoutMs: 10 * 60_000,
  /**
   * Time limit of a test that sets none of its own (graded() items carry the rubric's). An explicit
   * --test-timeout also caps the rubric's limits.
   */
  testTimeoutMs: 60_000,
  /** Resident memory of one submission's whole process tree. */
  memoryMb: 2048,
} as const;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Archives bigger than this are refused before extraction (a zip bomb costs nothing then). */
export const MAX_EXTRACTED_BYTES = 200 * 1024 * 1024;
export const MAX_EXTRACTED_FILES = 20_000;

/** How often the parent samples a submission's memory. */
export const MEMORY_POLL_MS = 100;


/** What a submission's memory budget keeps back for grade-one (vitest's main process). */
export const MAIN_PROCESS_RESERVE_MB = 512;
