import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CACHE_DIR_ENV } from './constants.js';

/** The cache directory: the option, else $DLCOURSE_CACHE_DIR, else $XDG_CACHE_HOME/dlcourse, else ~/.cache/dlcourse. */
export function resolveCacheDir(cacheDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (cacheDir !== undefined && cacheDir !== '') return resolve(cacheDir);
  const fromEnv = env[CACHE_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg) return resolve(xdg, 'dlcourse');
  return join(homedir(), '.cache', 'dlcourse');
}
