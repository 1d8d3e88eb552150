import type Sharp from 'sharp';

export type SharpModule = typeof Sharp;
let sharpModule: Promise<SharpModule> | null = null;

/**
 * sharp, loaded on first use: it is a native module that takes ~0.2 s to load, and most users
 * of the engine (every grading run) never decode a PNG.
 */
export function loadSharp(): Promise<SharpModule> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

let suspended = 0;
let saved: { memory: number; files: number; items: number } | null = null;

/**
 * Turns libvips' operation cache off while PNGs are decoded, and back on afterwards (as it was).
 * Each notMNIST image is decoded once, so the cache never hits, and looking operations up in it
 * costs about 20% of a 28×28 decode (measured: 0.44 vs 0.56 ms per image). The setting is global to
 * the process; nested or concurrent decodes share one suspension (a counter), so the first
 * setting is the one restored.
 */
export function suspendSharpCache(sharp: SharpModule): () => void {
  if (suspended++ === 0) {
    const { memory, files, items } = sharp.cache();
    saved = { memory: memory.max, files: files.max, items: items.max };
    sharp.cache(false);
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (--suspended === 0 && saved !== null) {
      sharp.cache(saved);
      saved = null;
    }
  };
}
