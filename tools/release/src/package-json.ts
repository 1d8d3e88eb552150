import { STUDENT_SCRIPTS, STUDENT_TEST_SCRIPT, STUDENT_WORKSPACES } from './manifest.js';

type Json = Record<string, unknown>;

/**
 * The root package.json of the student repository: the student's workspaces (no solutions, no
 * instructor tools), the scripts a student needs, and `npm test` grading every exercise.
 */
export function studentRootPackageJson(instructor: Json): Json {
  const scripts = (instructor.scripts ?? {}) as Record<string, string>;
  const kept: Record<string, string> = { test: STUDENT_TEST_SCRIPT };
  for (const name of STUDENT_SCRIPTS) {
    if (scripts[name] === undefined) throw new Error(`release: the root package.json has no script '${name}' that students need.`);
    kept[name] = scripts[name];
  }
  const result: Json = {};
  for (const [key, value] of Object.entries(instructor)) {
    if (key === 'workspaces') result[key] = STUDENT_WORKSPACES;
    else if (key === 'scripts') result[key] = kept;
    else if (key === 'description') result[key] = 'A deep-learning course: the exercises, their public graders, the engine and the grading kit';
    else result[key] = value;
  }
  return result;
}

/**
 * A grader's package.json in the student repository: the same name and runtime dependencies,
 * no scripts (its `test` is the instructor's proof, which needs the solution) and no
 * devDependencies (they name the solution).
 */
export function studentGraderPackageJson(instructor: Json, exercise: string): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(instructor)) {
    if (key === 'scripts' || key === 'devDependencies') continue;
    if (key === 'description') {
      result[key] = `The public grader of ${exercise}: its rubric and public suites, run by \`npx nx test ${exercise}\``;
      continue;
    }
    result[key] = value;
  }
  const deps = (result.dependencies ?? {}) as Record<string, string>;
  const leak = Object.keys(deps).find((d) => /^solution-/.test(d));
  if (leak) throw new Error(`release: the grader of ${exercise} depends on '${leak}', a solution.`);
  return result;
}
