/**
 * Prepares notMNIST in one command (root script `npm run data:notmnist`):
 *
 *   npm run data:notmnist                                   find it in the cache, or download it
 *   npm run data:notmnist -- --archive notMNIST_small.tar.gz   use a copy you have
 *   npm run data:notmnist -- --url http://mirror/notMNIST_small.tar.gz
 *
 * Exit status 0 when the archive and the engine's packed cache are ready, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { ARCHIVE_ENV, formatCount, NOTMNIST_ARCHIVE } from './notmnist-archive.js';
import { prepareNotMNIST, PrepareError } from './prepare.js';

const USAGE = `Usage: npm run data:notmnist -- [--archive PATH] [--url URL] [--cache-dir DIR]

Finds the notMNIST_small archive — --archive PATH, else $${ARCHIVE_ENV}, else the cache folder
($DLCOURSE_CACHE_DIR, else $XDG_CACHE_HOME/dlcourse, else ~/.cache/dlcourse) — or downloads it
from ${NOTMNIST_ARCHIVE.url} (--url for a mirror) into the cache folder, checks it
(${formatCount(NOTMNIST_ARCHIVE.size)} bytes, sha256 ${NOTMNIST_ARCHIVE.sha256.slice(0, 16)}…), and builds the engine's
packed cache of the decoded images. A second run finds both and is instant.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        archive: { type: 'string' },
        url: { type: 'string' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    await prepareNotMNIST({ archive: values.archive, url: values.url, cacheDir: values['cache-dir'] });
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (error instanceof PrepareError) console.error(`error: ${error.message}`);
    else console.error(`error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
