import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';

export interface WrittenPlot {
  /** The SVG file (always written). */
  svgPath: string;
  /** The PNG file, or null when only an SVG was asked for. */
  pngPath: string | null;
}

/**
 * Writes a chart: `path` ending in .svg writes the SVG only; ending in .png writes the PNG
 * (rasterised by sharp, loaded only now: the engine does not load it at import time) and the SVG
 * beside it (same name, .svg). Creates missing folders.
 */
export async function writePlot(svg: string, path: string, scale = 1): Promise<WrittenPlot> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') {
    throw new Error(`plot: the path must end in .png (writes the PNG and the SVG beside it) or .svg, got '${path}'.`);
  }
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`plot: scale must be in (0, 8], got ${scale}.`);
  await mkdir(dirname(path), { recursive: true });
  const svgPath = ext === '.svg' ? path : path.slice(0, -ext.length) + '.svg';
  await writeFile(svgPath, svg);
  if (ext === '.svg') return { svgPath, pngPath: null };
  const sharp = (await import('sharp')).default;
  // librsvg renders SVG pixels 1:1 at 72 dpi.
  const png = await sharp(Buffer.from(svg), { density: 72 * scale }).png().toBuffer();
  await writeFile(path, png);
  return { svgPath, pngPath: path };
}
