/**
 * What can go wrong on a GPU, as types the engine maps to answers: no
 * adapter (the node refuses to start), out of device memory on a request
 * (RESOURCE_EXHAUSTED, the node keeps serving), a lost device (health goes
 * NOT_SERVING). onnxruntime reports all of them as plain Errors; the
 * classification reads their messages (onnxruntime's WebGPU provider and Dawn).
 */

/** The execution provider found no GPU adapter (e.g. no Vulkan driver). */
export class NoAdapterError extends Error {
  override readonly name = 'NoAdapterError';
}

/** A request needed more device memory than is free; other requests may fit. */
export class DeviceMemoryError extends Error {
  override readonly name = 'DeviceMemoryError';
}

/** The device is gone (driver reset, GPU fell off the bus): nothing more runs on it. */
export class DeviceLostError extends Error {
  override readonly name = 'DeviceLostError';
}

const NO_ADAPTER = /failed to get a webgpu adapter|no supported adapters/i;
const OUT_OF_MEMORY = /out of memory|outofmemory|failed to allocate|allocation failed|buffer size .* exceeds/i;
const LOST = /device (was |is )?lost|devicelost/i;

/** The typed error for a provider's failure, or undefined when it is not a device's. */
export function deviceError(e: unknown, provider: string): Error | undefined {
  if (provider !== 'webgpu' || !(e instanceof Error)) return undefined;
  const detail = e.message.split('\n')[0];
  if (NO_ADAPTER.test(e.message)) {
    return new NoAdapterError(
      `webgpu: no GPU adapter found (the WebGPU provider reaches the GPU through Vulkan: is a Vulkan driver installed and visible, e.g. NVIDIA_DRIVER_CAPABILITIES including graphics, or Mesa's lavapipe?): ${tail(detail)}`,
    );
  }
  if (LOST.test(e.message)) return new DeviceLostError(`webgpu: device lost: ${tail(detail)}`);
  if (OUT_OF_MEMORY.test(e.message)) return new DeviceMemoryError(`webgpu: out of device memory: ${tail(detail)}`);
  return undefined;
}

/** onnxruntime prefixes a source path and a failed check; keep what a person reads. */
function tail(message: string): string {
  const at = message.lastIndexOf(' was false. ');
  return (at >= 0 ? message.slice(at + ' was false. '.length) : message).trim();
}
