/**
 * The NextDiT family (test-lumina) on the GPU path without a GPU: onnxruntime-node's WebGPU
 * provider on lavapipe, caches resident on the device, fp32 and fp16 graphs, against the CPU
 * provider with host caches; the same prompt conditioning from the CPU stages. The run's
 * constant feeds (caption, text K/V, RoPE table) cross to the device once per run, not per step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanPsnr } from '../../gpu-node/src/eval/psnr';
import { NextditPipeline } from '../../gpu-node/src/pipelines/nextdit';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { LUMINA_CARD, LUMINA_DIR } from '../helpers/lumina';
import { resolveAndSample } from '../helpers/sample';

const models: OnnxDitModel[] = [];
let cpu: OnnxDitModel;
let pipeline: NextditPipeline<OnnxDitModel>;
let req: SampleRequest;
beforeAll(async () => {
  cpu = await OnnxDitModel.load(LUMINA_CARD, { intraOpThreads: 1 });
  models.push(cpu);
  pipeline = await NextditPipeline.load(LUMINA_DIR, cpu);
  const conditioning = await pipeline.conditioning([{ prompt: 'a photo of a red cat' }], pipeline.negative);
  req = { conditioning, seeds: [6], steps: 6, guidance: 4, ras: { ratio: 0.25 } };
});
afterAll(async () => {
  await pipeline?.dispose();
  await Promise.all(models.map((m) => m.dispose()));
});

/** Bytes of a request's floating-point constant feeds in fp32: its conditioning (not the mask) and the RoPE table. */
function constantBytes(r: SampleRequest, grid: [number, number], headDim: number): number {
  const rows = 2; // the image and its CFG pair
  const cond = Object.entries(r.conditioning!.images[0])
    .filter(([, t]) => t.type === 'float32')
    .reduce((n, [, t]) => n + t.data.byteLength, 0);
  return rows * cond + 2 * grid[0] * grid[1] * (headDim / 2) * 4;
}

describe('a converted Lumina-Next on the WebGPU provider (lavapipe)', () => {
  it.each(['float32', 'float16'] as const)(
    'decodes to the pixels the CPU decodes (PSNR ≥ 35 dB), %s graph, moving no K/V and no prompt after the first step',
    async (dtype) => {
      const gpu = await OnnxDitModel.load(LUMINA_CARD, { executionProviders: ['webgpu'], dtype });
      models.push(gpu);
      expect([gpu.residency, gpu.backend.dtype]).toEqual(['device', dtype]);
      const moved: number[] = [];
      let last = gpu.kvTraffic.toDevice + gpu.kvTraffic.toHost + gpu.condTraffic.toDevice;
      const a = await resolveAndSample(gpu, req, {
        onStep: () => {
          const now = gpu.kvTraffic.toDevice + gpu.kvTraffic.toHost + gpu.condTraffic.toDevice;
          moved.push(now - last);
          last = now;
        },
      });
      const b = await resolveAndSample(cpu, req);
      const pixels = async (tokens: Float32Array) => {
        const img = await pipeline.decode(a.request.grid, tokens, 0);
        return Float32Array.from(img.data, (v) => v / 127.5 - 1);
      };
      expect(meanPsnr(await pixels(a.tokens), await pixels(b.tokens), 1)).toBeGreaterThanOrEqual(35);
      expect(moved.slice(1).every((m) => m === 0)).toBe(true);
      // Once: fp32 bytes, or fewer where the fp16 graph takes a feed in halves.
      const once = constantBytes(req, a.request.grid, gpu.card.head_dim);
      if (dtype === 'float32') expect(gpu.condTraffic.toDevice).toBe(once);
      else expect(gpu.condTraffic.toDevice).toBeGreaterThanOrEqual(once / 2);
      expect(gpu.condTraffic.toDevice).toBeLessThanOrEqual(once);
      expect(gpu.liveDeviceTensors).toBe(0);
    },
  );
});
