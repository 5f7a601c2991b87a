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
import { kvSlots } from '../../gpu-node/src/sampler/model';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { tokenMask } from '../../gpu-node/src/sampler/token-mask';
import { MMDIT_CARD, MMDIT_DIR, MMDIT_X_CARD, MMDIT_X_DIR, SD3_CARD, SD3_DIR } from '../helpers/mmdit';
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

describe('an MMDiT-X (attn2 caches) on the WebGPU provider (lavapipe)', () => {
  let gpuX: OnnxDitModel;
  let hostX: OnnxDitModel;
  let halfX: OnnxDitModel;
  let reqX: SampleRequest;
  beforeAll(async () => {
    [gpuX, hostX, halfX] = await Promise.all([
      OnnxDitModel.load(MMDIT_X_CARD, { executionProviders: ['webgpu'] }),
      OnnxDitModel.load(MMDIT_X_CARD, { intraOpThreads: 1 }),
      OnnxDitModel.load(MMDIT_X_CARD, { executionProviders: ['webgpu'], dtype: 'float16' }),
    ]);
    const pipeline = await MmditPipeline.load(MMDIT_X_DIR, hostX);
    const conditioning = await pipeline.conditioning([{ prompt: 'a large blue square on the right' }], {
      prompt: '',
    });
    reqX = { conditioning, seeds: [4], steps: 10, guidance: 3, ras: { ratio: 0.25 }, record: { kvEvery: 2 } };
  });
  afterAll(async () => {
    await Promise.all([gpuX?.dispose(), hostX?.dispose(), halfX?.dispose()]);
  });

  it('draws what the CPU draws (PSNR ≥ 35 dB) and keeps attn2 caches the CPU keeps', async () => {
    const [a, b] = [await resolveAndSample(gpuX, reqX), await resolveAndSample(hostX, reqX)];
    expect(meanPsnr(a.tokens, b.tokens, 1)).toBeGreaterThanOrEqual(35);
    const slots = kvSlots(gpuX.card);
    expect(a.trajectory!.k[4]!.length).toBe(b.trajectory!.k[4]!.length);
    const attn2 = (t: Float32Array) => t.subarray(((slots - 1) / slots) * t.length);
    expect(meanPsnr(attn2(a.trajectory!.k[4]!), attn2(b.trajectory!.k[4]!), 1)).toBeGreaterThan(60);
    expect(gpuX.liveDeviceTensors).toBe(0);
  });

  it('edits a region from device-resident caches like the CPU, outside tokens bit-identical', async () => {
    const region = tokenMask(256, [17, 18, 33, 34]);
    const [first, firstCpu] = [await resolveAndSample(gpuX, reqX), await resolveAndSample(hostX, reqX)];
    const edit = { ...reqX, seeds: [7], edit: { region } };
    const a = await resolveAndSample(gpuX, edit, { base: first.trajectory! });
    const b = await resolveAndSample(hostX, edit, { base: firstCpu.trajectory! });
    const dim = gpuX.card.token_dim;
    for (let j = 0; j < 256; j++)
      if (!region[j])
        expect(a.tokens.subarray(j * dim, (j + 1) * dim)).toEqual(first.tokens.subarray(j * dim, (j + 1) * dim));
    expect(meanPsnr(a.tokens, b.tokens, 1)).toBeGreaterThanOrEqual(35);
  });

  it('runs the fp16 MMDiT graph within 35 dB of the CPU, caches (attn2 too) on the device in halves', async () => {
    const moved: number[] = [];
    let last = halfX.kvTraffic.toHost + halfX.kvTraffic.toDevice;
    const req = { ...reqX, record: undefined };
    const a = await resolveAndSample(halfX, req, {
      onStep: () => {
        const now = halfX.kvTraffic.toHost + halfX.kvTraffic.toDevice;
        moved.push(now - last);
        last = now;
      },
    });
    const b = await resolveAndSample(hostX, req);
    expect(halfX.backend.dtype).toBe('float16');
    expect(meanPsnr(a.tokens, b.tokens, 1)).toBeGreaterThanOrEqual(35);
    expect(moved.slice(1).every((m) => m === 0)).toBe(true);
    expect(halfX.liveDeviceTensors).toBe(0);
  });
});

describe('a converted SD3 (latent, VAE-decoded) on the WebGPU provider (lavapipe)', () => {
  const models: OnnxDitModel[] = [];
  afterAll(async () => {
    await Promise.all(models.map((m) => m.dispose()));
  });

  it('decodes to the pixels the CPU decodes (PSNR ≥ 35 dB), fp32 and fp16 graphs, caches on the device', async () => {
    const [gpu, half, cpu] = await Promise.all([
      OnnxDitModel.load(SD3_CARD, { executionProviders: ['webgpu'] }),
      OnnxDitModel.load(SD3_CARD, { executionProviders: ['webgpu'], dtype: 'float16' }),
      OnnxDitModel.load(SD3_CARD, { intraOpThreads: 1 }),
    ]);
    models.push(gpu, half, cpu);
    expect([gpu.residency, half.residency]).toEqual(['device', 'device']);
    const pipeline = await MmditPipeline.load(SD3_DIR, cpu);
    const conditioning = await pipeline.conditioning([{ prompt: 'a photo of a red cat' }], { prompt: '' });
    const r: SampleRequest = { conditioning, seeds: [6], steps: 4, guidance: 7, ras: { ratio: 0.25 } };
    const pixels = async (model: OnnxDitModel) => {
      const out = await resolveAndSample(model, r);
      const img = await pipeline.decode(out.request.grid, out.tokens, 0);
      return Float32Array.from(img.data, (v) => v / 127.5 - 1);
    };
    const want = await pixels(cpu);
    expect(meanPsnr(await pixels(gpu), want, 1)).toBeGreaterThanOrEqual(35);
    expect(meanPsnr(await pixels(half), want, 1)).toBeGreaterThanOrEqual(35);
  });
});
