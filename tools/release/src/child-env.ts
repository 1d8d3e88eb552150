/**
 * The environment for npm and nx run inside the student repository, without what points at the
 * command that started us: `npm run release:student` sets npm_config_local_prefix, npm_package_*
 * and INIT_CWD to the instructor repository, an nx task sets NX_TASK_* and NX_WORKSPACE_ROOT.
 * The npm cache and registry settings stay.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_config_local_prefix|npm_config_prefix|npm_package_|npm_lifecycle_|npm_command|INIT_CWD$|NX_|VITEST)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}
