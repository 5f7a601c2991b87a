/**
 * The MMDiT family (contract ras-ready/3) on the GPU path without a GPU:
 * onnxruntime-node's WebGPU provider on lavapipe, the caches resident on the
 * device, against the CPU provider with host caches; the same prompt
 * conditioning from the CPU text encoder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanPsnr } from '../../gpu-node/src/eval/psnr';
import { MmditPipeline } from '../../gpu-node/src/pipelines/mmdit';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { MMDIT_CARD, MMDIT_DIR } from '../helpers/mmdit';
import { resolveAndSample } from '../helpers/sample';

let gpu: OnnxDitModel;
let host: OnnxDitModel;
let req: SampleRequest;
beforeAll(async () => {
  [gpu, host] = await Promise.all([
    OnnxDitModel.load(MMDIT_CARD, { executionProviders: ['webgpu'] }),
    OnnxDitModel.load(MMDIT_CARD, { intraOpThreads: 1 }),
  ]);
  const pipeline = await MmditPipeline.load(MMDIT_DIR, host);
  const conditioning = await pipeline.conditioning([{ prompt: 'a small red circle at the top left' }], { prompt: '' });
  req = { conditioning, seeds: [4], steps: 10, guidance: 3, ras: { ratio: 0.25 } };
});
afterAll(async () => {
  await Promise.all([gpu?.dispose(), host?.dispose()]);
});

describe('a prompted MMDiT on the WebGPU provider (lavapipe)', () => {
  it('draws what the CPU draws (PSNR ≥ 35 dB) with device-resident caches, moving no K/V on RAS steps', async () => {
    expect([gpu.residency, gpu.attention]).toEqual(['device', 'fused']);
    const moved: number[] = [];
    let last = gpu.kvTraffic.toHost + gpu.kvTraffic.toDevice;
    const a = await resolveAndSample(gpu, req, {
      onStep: (e) => {
        const now = gpu.kvTraffic.toHost + gpu.kvTraffic.toDevice;
        if (e.kind === 'ras') moved.push(now - last);
        last = now;
      },
    });
    const b = await resolveAndSample(host, req);
    expect(meanPsnr(a.tokens, b.tokens, 1)).toBeGreaterThanOrEqual(35);
    expect(moved.length).toBeGreaterThan(3);
    expect(moved.every((m) => m === 0)).toBe(true);
  });
});
