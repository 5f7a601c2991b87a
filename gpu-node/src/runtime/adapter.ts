/**
 * Which GPU the WebGPU provider will get, asked before any model loads: its
 * name for the node's ready line, and the limit that decides which graphs may
 * run on it. onnxruntime-node tells neither, so Dawn's own Node binding (the
 * `webgpu` package) asks Vulkan the same question onnxruntime's Dawn does
 * (high-performance adapter), in a child process so two copies of Dawn never
 * share one.
 */
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface AdapterInfo {
  /** E.g. "llvmpipe: Mesa 25.0.7 (LLVM 15.0.6)" or "NVIDIA H200". */
  description: string;
  vendor: string;
  /** The largest buffer one shader may bind: no tensor a graph binds may be larger. */
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

const probe = (webgpu: string) => `
import { create, globals } from ${JSON.stringify(webgpu)};
Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
const i = adapter?.info;
const out = adapter && {
  description: i.description || i.device || i.vendor, vendor: i.vendor,
  maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize, maxBufferSize: adapter.limits.maxBufferSize,
};
process.stdout.write(JSON.stringify(out ?? null));
process.exit(0);
`;

/** The adapter WebGPU would use here, or null when there is none (no Vulkan driver). */
export async function probeWebGpuAdapter(env: NodeJS.ProcessEnv = process.env): Promise<AdapterInfo | null> {
  const here = dirname(fileURLToPath(import.meta.url)); // resolves `webgpu` from gpu-node's dependencies
  // Resolved here where the runtime can (Node, tsx, a bundle beside the device kit's packages);
  // vitest has no import.meta.resolve, and the child resolves the name from `here`.
  const webgpu = import.meta.resolve?.('webgpu') ?? 'webgpu';
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe(webgpu)], {
    cwd: here,
    env: { XDG_RUNTIME_DIR: '/tmp', ...env },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as AdapterInfo | null;
}
