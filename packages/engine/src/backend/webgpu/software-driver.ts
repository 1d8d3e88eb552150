import { existsSync, readdirSync } from 'node:fs';

/** SwiftShader's Vulkan driver as Debian's chromium ships it: WebGPU on the CPU, for machines without a GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const ICD_FOLDERS = ['/etc/vulkan/icd.d', '/usr/share/vulkan/icd.d'];
/** Hardware drivers whose ICD file means there is a GPU (Mesa's files are installed with or without the hardware). */
const HARDWARE_ICD = /nvidia/i;

/** True when the caller picked a Vulkan driver (or Dawn options), or an NVIDIA driver is installed. */
export function webgpuDriverChosen(env: NodeJS.ProcessEnv): boolean {
  if (env.VK_ICD_FILENAMES || env.VK_DRIVER_FILES || env.DLCOURSE_WEBGPU_OPTIONS) return true;
  return ICD_FOLDERS.some((folder) => existsSync(folder) && readdirSync(folder).some((f) => HARDWARE_ICD.test(f)));
}

/**
 * For the test and benchmark runners: points Vulkan at SwiftShader in `env` unless a driver
 * was chosen. Must run before the GPU thread starts. Returns a line saying what it did.
 */
export function useSwiftShaderUnlessDriverChosen(env: NodeJS.ProcessEnv = process.env): string {
  if (webgpuDriverChosen(env)) return 'webgpu: using the configured driver.';
  if (!existsSync(SWIFTSHADER_ICD)) {
    return `webgpu: no GPU driver configured and no SwiftShader at ${SWIFTSHADER_ICD} (apt-get install chromium libvulkan1); starting will report the missing adapter.`;
  }
  env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  return `webgpu: no GPU driver configured; using SwiftShader (VK_ICD_FILENAMES=${SWIFTSHADER_ICD}).`;
}
