/**
 * npm run grade -- --submissions <dir> --out <dir> [options]   grade a class, sandboxed
 * npm run grade -- merge --out <dir> <shard-out>...              join a sharded run's outputs
 */
import { main } from './command.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`grade: ${(error as Error).message}`);
    process.exit(2);
  },
);
