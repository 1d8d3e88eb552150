import type { SkippedFile } from './types.js';

const LISTED = 20;

/**
 * The one warning about left-out files: how many, which (the first 20, with their reasons), and
 * how many images remain. E.g. for notMNIST_small: "notMNIST: skipped 2 unreadable files of …:
 * A/RGVt….png (empty file (0 bytes)), F/Q3Jv….png (empty file (0 bytes)); 18724 images loaded."
 */
export function skippedWarning(skipped: readonly SkippedFile[], sourceName: string, loaded: number): string {
  const listed = skipped.slice(0, LISTED).map(({ file, reason }) => `${file} (${reason})`);
  const more = skipped.length > LISTED ? `, … and ${skipped.length - LISTED} more` : '';
  const noun = skipped.length === 1 ? 'file' : 'files';
  return (
    `notMNIST: skipped ${skipped.length} unreadable ${noun} of ${sourceName}: ${listed.join(', ')}${more}; ` +
    `${loaded} images loaded.`
  );
}
