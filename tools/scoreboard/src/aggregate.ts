/** Records → the scoreboard: one row per student, one column per exercise, statistics per exercise. */
import type { ResultRecord } from './read-results.js';

export interface ExerciseCell {
  score: number;
  max: number;
}

export interface StudentRow {
  /** The student's id, or its pseudonym when the scoreboard is pseudonymous. */
  id: string;
  /** Exercise name → its cell; null when the student has no result for it. */
  exercises: Record<string, ExerciseCell | null>;
  /** Sum of the scores (a missing exercise counts 0). */
  total: number;
}

export interface ExerciseStats {
  name: string;
  /** The exercise's points (the largest max_score seen for it). */
  max: number;
  /** Students with a result for it; mean, median and fullMarks are over these. */
  submitted: number;
  mean: number | null;
  median: number | null;
  /** Results with score ≥ max. */
  fullMarks: number;
}

export interface Scoreboard {
  title: string;
  pseudonymous: boolean;
  exercises: ExerciseStats[];
  /** Sum of the exercises' max. */
  maxTotal: number;
  students: StudentRow[];
  warnings: string[];
}

export interface AggregateOptions {
  title?: string;
  pseudonymous?: boolean;
  /** Maps a real id to the id shown (a pseudonym); identity by default. */
  displayId?: (id: string) => string;
}

/** Natural order: "exercise-2" before "exercise-10". */
export const naturalCompare = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }) || (a < b ? -1 : a > b ? 1 : 0);

export function aggregate(records: ResultRecord[], options: AggregateOptions = {}): Scoreboard {
  const displayId = options.displayId ?? ((id: string) => id);
  const warnings: string[] = [];
  const exerciseNames = [...new Set(records.map((r) => r.exercise))].sort(naturalCompare);
  const studentIds = [...new Set(records.map((r) => r.student))];

  const maxOf = new Map<string, number>();
  for (const r of records) {
    const known = maxOf.get(r.exercise);
    if (known !== undefined && known !== r.maxScore) warnings.push(`${r.exercise}: max_score differs between results (${known} and ${r.maxScore} in ${r.file}); using the larger`);
    maxOf.set(r.exercise, Math.max(known ?? -Infinity, r.maxScore));
    if (r.score > r.maxScore) warnings.push(`${r.file}: score ${r.score} exceeds max_score ${r.maxScore}`);
  }

  const shownToReal = new Map<string, string>();
  const rows: StudentRow[] = studentIds.map((student) => {
    const id = displayId(student);
    const clash = shownToReal.get(id);
    if (clash !== undefined) throw new Error(`students "${clash}" and "${student}" would both be shown as "${id}"`);
    shownToReal.set(id, student);
    const exercises: Record<string, ExerciseCell | null> = {};
    for (const name of exerciseNames) exercises[name] = null;
    let total = 0;
    for (const r of records) {
      if (r.student !== student) continue;
      exercises[r.exercise] = { score: r.score, max: r.maxScore };
      total += r.score;
    }
    return { id, exercises, total: round(total) };
  });
  rows.sort((a, b) => naturalCompare(a.id, b.id));

  const exercises: ExerciseStats[] = exerciseNames.map((name) => {
    const max = maxOf.get(name) ?? 0;
    const scores = records.filter((r) => r.exercise === name).map((r) => r.score);
    return {
      name,
      max,
      submitted: scores.length,
      mean: scores.length ? round(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
      median: median(scores),
      fullMarks: records.filter((r) => r.exercise === name && r.score >= max).length,
    };
  });

  return {
    title: options.title ?? 'Scoreboard',
    pseudonymous: options.pseudonymous ?? false,
    exercises,
    maxTotal: round(exercises.reduce((s, e) => s + e.max, 0)),
    students: rows,
    warnings,
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** Rounds away binary noise (0.1 + 0.2) without hiding real fractions of a point. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A number as the outputs print it: no exponent, no trailing zeros, at most 6 decimals. */
export function formatPoints(x: number): string {
  const r = round(x);
  return Object.is(r, -0) ? '0' : String(r);
}

/** A statistic as the Markdown and HTML show it: 2 decimals at most, '–' when there is none. */
export function formatStat(x: number | null): string {
  return x === null ? '–' : formatPoints(Math.round(x * 100) / 100);
}
