/**
 * `npm run test:webgpu`: the conformance suite and test/webgpu on the webgpu backend only.
 * CONFORMANCE_BACKENDS=webgpu makes a missing adapter a failure, never a skip. On a machine
 * without a GPU driver it points Vulkan at SwiftShader (Debian's chromium ships it), unless
 * the caller chose a driver (VK_ICD_FILENAMES / VK_DRIVER_FILES, or Dawn options for OpenGL ES).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useSwiftShaderUnlessDriverChosen } from '../../src/backend/webgpu/software-driver.js';

const env: NodeJS.ProcessEnv = { ...process.env, CONFORMANCE_BACKENDS: 'webgpu' };
console.info(useSwiftShaderUnlessDriverChosen(env));

const engineRoot = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../../../node_modules/.bin/vitest', import.meta.url));
const run = spawnSync(vitest, ['run', 'test/conformance', 'test/webgpu', ...process.argv.slice(2)], { cwd: engineRoot, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
