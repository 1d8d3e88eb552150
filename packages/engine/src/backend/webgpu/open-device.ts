/// <reference types="@webgpu/types" />
import type { ControlChannel } from './control-channel.js';
import type { AdapterInfo } from './protocol.js';

/** What to do when there is no adapter, written for the person reading the exception. */
export const NO_ADAPTER_HELP =
  'no WebGPU adapter was found. Run on a machine with a GPU and its Vulkan driver, or use the SwiftShader ' +
  'software Vulkan driver: install libvulkan1 and chromium (Debian: apt-get install libvulkan1 chromium) and set ' +
  'VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json.';

/**
 * Requests an adapter and a device with the adapter's largest buffer limits (the defaults cap
 * a storage binding at 128 MiB, less than a notMNIST split), and writes the adapter's
 * description into the control buffer for the calling thread.
 */
export async function openDevice(gpu: GPU, channel: ControlChannel, compatibility: boolean): Promise<GPUDevice> {
  const adapter = await gpu.requestAdapter(compatibility ? ({ featureLevel: 'compatibility' } as GPURequestAdapterOptions) : undefined);
  if (!adapter) throw new Error(NO_ADAPTER_HELP);
  const { maxBufferSize, maxStorageBufferBindingSize, maxComputeWorkgroupStorageSize } = adapter.limits;
  const device = await adapter.requestDevice({ requiredLimits: { maxBufferSize, maxStorageBufferBindingSize, maxComputeWorkgroupStorageSize } });
  // adapter.info is newer than some @webgpu/types versions the repository resolves
  const described = (adapter as GPUAdapter & { info?: Partial<AdapterInfo> }).info ?? {};
  const info: AdapterInfo = { vendor: described.vendor ?? '', architecture: described.architecture ?? '', description: described.description ?? '' };
  channel.writeText(JSON.stringify(info));
  return device;
}
