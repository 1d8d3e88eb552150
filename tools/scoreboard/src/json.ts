/** scoreboard.json: the scoreboard as data (format version 1). */
import type { Scoreboard } from './aggregate.js';

export interface ScoreboardJson {
  version: 1;
  title: string;
  pseudonymous: boolean;
  maxTotal: number;
  exercises: { name: string; max: number; submitted: number; mean: number | null; median: number | null; fullMarks: number }[];
  students: { id: string; exercises: Record<string, { score: number; max: number } | null>; total: number }[];
}

export function toJson(board: Scoreboard): string {
  const data: ScoreboardJson = {
    version: 1,
    title: board.title,
    pseudonymous: board.pseudonymous,
    maxTotal: board.maxTotal,
    exercises: board.exercises.map((e) => ({ name: e.name, max: e.max, submitted: e.submitted, mean: e.mean, median: e.median, fullMarks: e.fullMarks })),
    students: board.students.map((s) => ({ id: s.id, exercises: s.exercises, total: s.total })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
