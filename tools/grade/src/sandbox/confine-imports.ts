import { realpathSync } from 'node:fs';
import { sep } from 'node:path';
import type { Language } from '@dlcourse/grading';
import { SANDBOX_MESSAGES, say } from './worker-setup/messages.js';

/**
 * A vite plugin for grade-one. vitest's main process (trusted, not under the permission model)
 * reads and transforms every module the test worker imports, so without this a submission could
 * `import '/…/solutions/exercise-1/src/activations.ts?raw'` and have the solution sent to it.
 * Every file vite loads must lie inside the folders the worker itself may read.
 */
export function confineImports(readable: string[], language: Language) {
  const roots = readable.map((p) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  });
  const allowed = (file: string) => roots.some((root) => file === root || file.startsWith(root + sep));
  return {
    name: 'dlgrade:confine-imports',
    enforce: 'pre' as const,
    load(id: string) {
      if (id.startsWith('\0') || id.startsWith('virtual:') || !id.startsWith('/')) return null;
      const file = id.split('?')[0];
      let real = file;
      try {
        real = realpathSync(file);
      } catch {
        return null; // vite reports the missing file itself
      }
      if (!allowed(real)) {
        throw new Error(say(language, SANDBOX_MESSAGES.importDenied, file));
      }
      return null;
    },
  };
}
