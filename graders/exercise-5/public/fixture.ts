import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { Generator } from '@dlcourse/engine';

/*
 * A small notMNIST-shaped folder, written by the grader: A/ … J/ holding 1–3 random 28×28 grey
 * PNGs each (encoded with sharp's toColourspace('b-w').png(), as the real ones are 8-bit grey),
 * plus the two 0-byte PNGs of the real notMNIST_small. The file names are base64-like, as in the
 * real data, so that their first character is never the letter of their folder.
 */

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
export const PIXELS = 28 * 28;

/** The two unreadable files of notMNIST_small, same names and folders. */
export const EMPTY_FILES = ['A/RGVtb2NyYXRpY2FCb2xkT2xkc3R5bGUgQm9sZC50dGY=.png', 'F/Q3Jvc3NvdmVyIEJvbGRPYmxpcXVlLnR0Zg==.png'];

const NAMES = ['QmFza2VydmlsbGUudHRm', 'TW9ub3R5cGUgQ29yc2l2YS50dGY=', 'WmFwZiBDaGFuY2VyeS50dGY='];

export interface FixtureImage {
  /** 'A/xxx.png' */
  file: string;
  letter: string;
  /** The 784 bytes written into the PNG. */
  bytes: Uint8Array;
}

export interface Fixture {
  folder: string;
  /** The readable images, in no particular order (readImages may return any order). */
  images: FixtureImage[];
  remove(): Promise<void>;
}

/** Writes the folder; letter i gets 1 + (i mod 3) images, so the counts per letter differ. */
export async function makeFixture(seed = 5): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'grader-5-notmnist-'));
  const folder = join(root, 'notMNIST_small');
  const gen = new Generator(seed);
  const images: FixtureImage[] = [];
  for (const [i, letter] of LETTERS.entries()) {
    await mkdir(join(folder, letter), { recursive: true });
    for (let k = 0; k < 1 + (i % 3); k++) {
      const bytes = new Uint8Array(PIXELS);
      for (let p = 0; p < PIXELS; p++) bytes[p] = gen.randint(0, 255);
      bytes[0] = 0; // every image has a black and a white pixel: the full range 0 … 255
      bytes[1] = 255;
      const file = `${letter}/${NAMES[k]}${i}.png`;
      await sharp(Buffer.from(bytes), { raw: { width: 28, height: 28, channels: 1 } })
        .toColourspace('b-w')
        .png()
        .toFile(join(folder, file));
      images.push({ file, letter, bytes });
    }
  }
  for (const file of EMPTY_FILES) await writeFile(join(folder, file), new Uint8Array(0));
  return { folder, images, remove: () => rm(root, { recursive: true, force: true }) };
}
