// Mistake: codes given in the order letters first appear, not in sorted order (A → 0 only by luck).
import { tensor } from '@dlcourse/engine';
import type { EncodedLabels } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function encodeLabels(letters: string[]): EncodedLabels {
  const classes: string[] = [];
  for (const l of letters) if (!classes.includes(l)) classes.push(l);
  return { y: tensor(Int32Array.from(letters, (l) => classes.indexOf(l)), { shape: [letters.length] }), classes };
}
