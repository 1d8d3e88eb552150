type Json = Record<string, unknown>;

/**
 * The student's tsconfig.json: '@submission/*' points at the exercises (the instructor's at the
 * solutions), and the include list loses the folders that do not ship.
 */
export function studentTsconfig(instructor: Json): Json {
  const compilerOptions = { ...((instructor.compilerOptions ?? {}) as Json) };
  const paths = { ...((compilerOptions.paths ?? {}) as Record<string, string[]>) };
  paths['@submission/*'] = ['./exercises/*/src/index.ts'];
  for (const [alias, targets] of Object.entries(paths)) {
    if (targets.some((t) => t.includes('solutions/'))) delete paths[alias];
  }
  compilerOptions.paths = paths;
  const include = ((instructor.include ?? []) as string[]).filter(
    (entry) => !entry.startsWith('solutions/') && !/\/(hidden|mutants|alternatives)$/.test(entry),
  );
  return { ...instructor, compilerOptions, include };
}
