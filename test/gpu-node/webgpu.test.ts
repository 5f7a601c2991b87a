/**
 * The GPU path without a GPU: onnxruntime-node's WebGPU provider on Mesa's
 * software Vulkan (lavapipe, installed by .ci/setup). Same graphs, same
 * sampler; the caches stay in device buffers between steps.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meanPsnr } from '../../gpu-node/src/eval/psnr';
import { type AdapterInfo, probeWebGpuAdapter } from '../../gpu-node/src/runtime/adapter';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import type { StepEvent } from '../../gpu-node/src/sampler/sampler';
import type { SampleRequest } from '../../gpu-node/src/sampler/settings';
import { tokenMask } from '../../gpu-node/src/sampler/token-mask';
import { TEST_CARD } from '../helpers/models';
import { resolveAndSample } from '../helpers/sample';

const webgpu = (opts = {}) => OnnxDitModel.load(TEST_CARD, { executionProviders: ['webgpu'], ...opts });
const cpu = () => OnnxDitModel.load(TEST_CARD, { intraOpThreads: 1 });

let gpu: OnnxDitModel;
let host: OnnxDitModel;
beforeAll(async () => {
  [gpu, host] = await Promise.all([webgpu(), cpu()]);
});
afterAll(async () => {
  await Promise.all([gpu.dispose(), host.dispose()]);
});

const base: SampleRequest = { cond: [1, 2], seeds: [42, 43], steps: 12, guidance: 2, ras: { ratio: 0.25 } };

/** Runs `req` and returns the result plus the K/V bytes that crossed on each step. */
async function traced(model: OnnxDitModel, req: SampleRequest) {
  const steps: { kind: StepEvent['kind']; toHost: number; toDevice: number }[] = [];
  let last = { ...model.kvTraffic };
  const res = await resolveAndSample(model, req, {
    onStep: (e) => {
      const now = { ...model.kvTraffic };
      steps.push({ kind: e.kind, toHost: now.toHost - last.toHost, toDevice: now.toDevice - last.toDevice });
      last = now;
    },
  });
  return { res, steps };
}

describe('the WebGPU provider (lavapipe)', () => {
  it('uses device-resident caches and the fused attention graph by default', () => {
    expect(gpu.residency).toBe('device');
    expect(gpu.attention).toBe('fused');
    expect(host.residency).toBe('host');
    expect(host.attention).toBe('unfused');
  });

  it('draws what the CPU provider draws (PSNR ≥ 35 dB), batch 2 with CFG', async () => {
    const [a, b] = await Promise.all([resolveAndSample(gpu, base), resolveAndSample(host, base)]);
    expect(meanPsnr(a.tokens, b.tokens, 2)).toBeGreaterThanOrEqual(35);
  });

  it('moves no K/V bytes to the host on RAS steps; every step uploads nothing after the first', async () => {
    const { steps } = await traced(gpu, base);
    const ras = steps.filter((s) => s.kind === 'ras');
    expect(ras.length).toBeGreaterThan(4);
    for (const s of ras) expect(s).toMatchObject({ toHost: 0, toDevice: 0 });
    expect(steps[0].toDevice).toBeGreaterThan(0); // the zeroed caches, once
    for (const s of steps.slice(1)) expect(s.toDevice).toBe(0);
  });

  it('counts host residency honestly: every step uploads the caches and downloads the fresh rows', async () => {
    const hostOnGpu = await webgpu({ kvResidency: 'host' });
    const { steps } = await traced(hostOnGpu, base);
    for (const s of steps) expect(s.toHost).toBeGreaterThan(0);
    for (const s of steps) expect(s.toDevice).toBeGreaterThan(0);
    await hostOnGpu.dispose();
  });

  it('copies K/V to the host only on the steps a trajectory keeps, byte for byte', async () => {
    const one: SampleRequest = { ...base, cond: [1], seeds: [42], record: { kvEvery: 4 } };
    const { res, steps } = await traced(gpu, one);
    const t = res.trajectory!;
    const kept = t.k.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
    expect(kept).toEqual([0, 4, 8]);
    for (const [i, s] of steps.entries()) {
      expect(s.toHost, `step ${i}`).toBe(t.k[i] ? t.k[i]!.byteLength + t.v[i]!.byteLength : 0);
    }
    const onCpu = await resolveAndSample(host, one);
    expect(meanPsnr(t.k[4]!, onCpu.trajectory!.k[4]!, 1)).toBeGreaterThan(60);
  });

  it('edits a region like the CPU provider, outside tokens bit-identical to the base', async () => {
    const region = tokenMask(24, [7, 8, 9, 13, 14, 15]);
    const req: SampleRequest = { ...base, cond: [1], seeds: [42], record: { kvEvery: 2 } };
    const [first, firstCpu] = await Promise.all([resolveAndSample(gpu, req), resolveAndSample(host, req)]);
    const edit = await resolveAndSample(gpu, { ...req, seeds: [7], edit: { region } }, { base: first.trajectory! });
    const editCpu = await resolveAndSample(
      host,
      { ...req, seeds: [7], edit: { region } },
      { base: firstCpu.trajectory! },
    );
    const dim = gpu.card.token_dim;
    for (let j = 0; j < 24; j++) {
      if (region[j]) continue;
      expect(edit.tokens.subarray(j * dim, (j + 1) * dim)).toEqual(first.tokens.subarray(j * dim, (j + 1) * dim));
    }
    expect(meanPsnr(edit.tokens, editCpu.tokens, 1)).toBeGreaterThanOrEqual(35);
  });

  it('agrees with the CPU at the largest grid the model card serves (32×32 tokens, batch 2)', async () => {
    const big: SampleRequest = { ...base, steps: 6, grid: gpu.card.grid.max };
    const [a, b] = await Promise.all([resolveAndSample(gpu, big), resolveAndSample(host, big)]);
    expect(meanPsnr(a.tokens, b.tokens, 2)).toBeGreaterThanOrEqual(35);
  });

  it('holds no device tensor after runs end, cancelled ones included', async () => {
    const ctl = new AbortController();
    const cancelled = resolveAndSample(gpu, base, {
      signal: ctl.signal,
      onStep: (e) => {
        if (e.step === 5) ctl.abort();
      },
    });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    expect(gpu.liveDeviceTensors).toBe(0);
    await resolveAndSample(gpu, base);
    expect(gpu.liveDeviceTensors).toBe(0);
  });

  it('runs the half-precision graph within PSNR 40 dB of float32, caches on the device in halves', async () => {
    const half = await webgpu({ dtype: 'float16' });
    const big: SampleRequest = { ...base, grid: [16, 16] };
    const [a, b] = await Promise.all([traced(half, big), resolveAndSample(gpu, big)]);
    expect(meanPsnr(a.res.tokens, b.tokens, 2)).toBeGreaterThanOrEqual(40);
    for (const s of a.steps.slice(1)) expect(s).toMatchObject({ toHost: 0, toDevice: 0 });
    const one: SampleRequest = { ...base, cond: [1], seeds: [42], record: { kvEvery: 6 } };
    const [recHalf, rec] = await Promise.all([resolveAndSample(half, one), resolveAndSample(gpu, one)]);
    expect(meanPsnr(recHalf.trajectory!.k[6]!, rec.trajectory!.k[6]!, 1)).toBeGreaterThan(40);
    await half.dispose();
    expect(half.liveDeviceTensors).toBe(0);
  });

  it('refuses half precision where it does not apply', async () => {
    await expect(webgpu({ dtype: 'float16', kvResidency: 'host' })).rejects.toThrow(
      /fused_fp16 graph with device-resident/,
    );
    await expect(OnnxDitModel.load(TEST_CARD, { dtype: 'float16' })).rejects.toThrow(/fused_fp16/);
  });

  it('keeps device memory flat over 1000 steps in 100 sessions', async () => {
    // lavapipe's device memory is this process's memory: a leaked cache shows in the RSS.
    const run = (k: number) =>
      resolveAndSample(gpu, { cond: [k % 4], seeds: [k], steps: 10, guidance: 1, grid: [16, 16] });
    for (let k = 0; k < 5; k++) await run(k); // warm-up: allocator pools and compiled kernels
    const before = process.memoryUsage().rss;
    for (let k = 0; k < 100; k++) await run(k);
    const grown = process.memoryUsage().rss - before;
    // One run's caches are 4 × 98 KiB per step: leaking them would add about 390 MiB here.
    expect(grown).toBeLessThan(96 * 2 ** 20);
    expect(gpu.liveDeviceTensors).toBe(0);
  }, 180_000);
});

describe('a trained model on WebGPU (shapes-dit, the graph the node picks for this adapter)', () => {
  const card = join(MODELS_DIR, 'shapes-dit', 'model.json');
  let adapter: AdapterInfo;
  beforeAll(async () => {
    adapter = (await probeWebGpuAdapter())!;
  });

  it("draws the CPU provider's dense samples within 35 dB, each of 4 seeds at 32×32 pixels", async () => {
    const [onGpu, onCpu] = await Promise.all([
      OnnxDitModel.load(card, { executionProviders: ['webgpu'], adapter }),
      OnnxDitModel.load(card, { intraOpThreads: 1 }),
    ]);
    // Trained weights make attention peaked: an inexact FlashAttention (lavapipe's) gave 24-35 dB here.
    const req: SampleRequest = {
      cond: [0, 5, 10, 15],
      seeds: [1, 2, 3, 4],
      steps: 8,
      guidance: 3,
      ras: { policy: 'dense' },
    };
    const [a, b] = await Promise.all([resolveAndSample(onGpu, req), resolveAndSample(onCpu, req)]);
    const per = a.tokens.length / 4;
    for (let k = 0; k < 4; k++) {
      const psnr = meanPsnr(a.tokens.subarray(k * per, (k + 1) * per), b.tokens.subarray(k * per, (k + 1) * per), 1);
      expect(psnr, `seed ${k + 1} (${onGpu.attention} graph)`).toBeGreaterThanOrEqual(35);
    }
    await Promise.all([onGpu.dispose(), onCpu.dispose()]);
  }, 120_000);
});
