/**
 * What the node does about a GPU's limits and failures: graphs that would
 * bind a tensor past the adapter's limit are refused at load (past it WebGPU
 * computes garbage without an error), and onnxruntime's failures become the
 * typed errors the engine answers with.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdapterInfo, probeWebGpuAdapter } from '../../gpu-node/src/runtime/adapter';
import {
  DeviceLostError,
  DeviceMemoryError,
  deviceError,
  NoAdapterError,
} from '../../gpu-node/src/runtime/device-errors';
import { exactFlashAttention, largestBinding, webgpuAttention } from '../../gpu-node/src/runtime/limits';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { TEST_MODEL_DIR } from '../helpers/models';

let adapter: AdapterInfo;
let dir: string;
beforeAll(async () => {
  adapter = (await probeWebGpuAdapter())!;
  // test-tiny's graphs under a card that serves 64×64 tokens: 4096 tokens, batch 2.
  dir = mkdtempSync(join(tmpdir(), 'ras-limits-'));
  for (const f of ['model.onnx', 'model.fused.onnx', 'model.weights'])
    copyFileSync(join(TEST_MODEL_DIR, f), join(dir, f));
  const card = JSON.parse(readFileSync(join(TEST_MODEL_DIR, 'model.json'), 'utf8'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...card, grid: { ...card.grid, max: [64, 64] } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the adapter probe', () => {
  it('finds lavapipe here, with its binding limit', () => {
    expect(adapter.description).toMatch(/llvmpipe/);
    expect(adapter.maxStorageBufferBindingSize).toBeGreaterThan(0);
  });

  it('finds nothing without a Vulkan driver', async () => {
    expect(await probeWebGpuAdapter({ ...process.env, VK_ICD_FILENAMES: '/nonexistent/icd.json' })).toBeNull();
  });
});

describe('graphs past the binding limit', () => {
  const load = (attention: 'fused' | 'unfused') =>
    OnnxDitModel.load(join(dir, 'model.json'), { executionProviders: ['webgpu'], attention, adapter }, 'big-tiny');

  it('refuses the unfused graph whose attention scores would pass it, naming the sizes', async () => {
    const card = (await OnnxDitModel.load(join(dir, 'model.json'), {}, 'big-tiny')).card;
    expect(largestBinding(card, 'unfused', 2, 4096)).toBeGreaterThan(adapter.maxStorageBufferBindingSize);
    await expect(load('unfused')).rejects.toThrow(
      /big-tiny: its unfused graph binds 256 MiB at grid 64x64, more than llvmpipe/,
    );
  });

  it('loads the fused graph, which never builds the scores', async () => {
    const model = await load('fused');
    expect(model.attention).toBe('fused');
    await model.dispose();
  });
});

describe("the WebGPU graph, by the adapter's FlashAttention", () => {
  const gpu = (vendor: string, subgroups: boolean): AdapterInfo => ({
    description: vendor,
    vendor,
    maxStorageBufferBindingSize: 128 * 2 ** 20,
    maxBufferSize: 2 ** 32,
    subgroups,
  });

  it('takes the subgroup-shuffle kernel as inexact, the workgroup-memory one as exact', () => {
    expect(exactFlashAttention(adapter)).toBe(false); // lavapipe: subgroups, vendor "mesa"
    expect(exactFlashAttention(gpu('nvidia', true))).toBe(true);
    expect(exactFlashAttention(gpu('apple', true))).toBe(true);
    expect(exactFlashAttention(gpu('intel', false))).toBe(true);
    expect(exactFlashAttention(gpu('amd', true))).toBe(false);
  });

  it('runs the unfused graph where FlashAttention is inexact and the scores fit, else the fused one', async () => {
    const small = (await OnnxDitModel.load(join(TEST_MODEL_DIR, 'model.json'))).card; // 32×32 tokens: 16 MiB
    const big = (await OnnxDitModel.load(join(dir, 'model.json'), {}, 'big-tiny')).card; // 64×64: 256 MiB
    expect(webgpuAttention(small, gpu('amd', true), 2)).toBe('unfused');
    expect(webgpuAttention(big, gpu('amd', true), 2)).toBe('fused');
    expect(webgpuAttention(small, gpu('nvidia', true), 2)).toBe('fused');
    expect(webgpuAttention(small, undefined, 2)).toBe('fused');
    const model = await OnnxDitModel.load(join(TEST_MODEL_DIR, 'model.json'), {
      executionProviders: ['webgpu'],
      adapter,
    });
    expect(model.attention).toBe('unfused');
    await model.dispose();
  });
});

describe('device failures', () => {
  it('reads onnxruntime\'s "no adapter" failure as NoAdapterError', async () => {
    // The message onnxruntime-node 1.30 gives when Dawn finds no Vulkan adapter.
    const real = new Error(
      '/onnxruntime_src/onnxruntime/core/providers/webgpu/webgpu_context.cc:136 ... adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters',
    );
    const e = deviceError(real, 'webgpu');
    expect(e).toBeInstanceOf(NoAdapterError);
    expect(e?.message).toMatch(/no GPU adapter found .*: Failed to get a WebGPU adapter: No supported adapters$/);
  });

  it('reads out-of-memory and device-lost failures, only from the WebGPU provider', () => {
    expect(deviceError(new Error('Failed to allocate memory for buffer of size 4294967296'), 'webgpu')).toBeInstanceOf(
      DeviceMemoryError,
    );
    expect(deviceError(new Error('Device was lost: DeviceLostReason::Unknown'), 'webgpu')).toBeInstanceOf(
      DeviceLostError,
    );
    expect(deviceError(new Error('Failed to allocate memory'), 'cpu')).toBeUndefined();
    expect(deviceError(new Error('shape mismatch'), 'webgpu')).toBeUndefined();
  });
});
