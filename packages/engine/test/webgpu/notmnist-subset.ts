import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNotMNIST } from '../../src/data/index.js';

// The archive and packed cache the engine's real-data tests use (test/data/notmnist-real.test.ts).
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
export const NOTMNIST_ARCHIVE = process.env.NOTMNIST_ARCHIVE || resolve(repoRoot, '../shared/data/notMNIST_small.tar.gz');
const cacheDir = resolve(repoRoot, 'node_modules/.cache/dlcourse-test');

/** `count` real notMNIST images spread evenly over the archive (it is sorted by class), as [count, 784] and labels. */
export async function notMNISTSubset(count: number): Promise<{ images: Float32Array; labels: Int32Array }> {
  const data = await loadNotMNIST({ archive: NOTMNIST_ARCHIVE, cacheDir, onWarning: () => {} });
  const pixels = data.height * data.width;
  const stride = Math.floor(data.n / count);
  const images = new Float32Array(count * pixels);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    images.set(data.images.subarray(i * stride * pixels, (i * stride + 1) * pixels), i * pixels);
    labels[i] = data.labels[i * stride];
  }
  return { images, labels };
}
