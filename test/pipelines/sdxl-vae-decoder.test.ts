import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DecoderSpec, VaeDecoder } from '../../gpu-node/src/pipelines/vae-decoder';
import { patchify, type VaeGolden } from '../helpers/latent';
import { worstDiff } from '../helpers/mmdit';

// The miniature SDXL VAE (gpu-node/tools/mini_sdxl_vae.py) as export_vae_decoder.py exports it.
const DIR = resolve(__dirname, '../fixtures/lumina-mini/vae/onnx');
const config = JSON.parse(readFileSync(join(DIR, 'config.json'), 'utf8'));
const golden: VaeGolden = JSON.parse(readFileSync(join(DIR, 'golden.json'), 'utf8'));
const [, C, H, W] = golden.z.dims;
// The card's stages.decoder for Lumina-Next (docs/model-contract.md): SDXL's VAE has no shift.
const SPEC: DecoderSpec = {
  file: 'vae_decoder/model.onnx',
  input: 'latent_sample',
  output: 'sample',
  scaling_factor: config.scaling_factor,
  shift_factor: 0,
  scale_factor: 2 ** (config.block_out_channels.length - 1),
};
const load = () => VaeDecoder.load(join(DIR, 'model.onnx'), SPEC);

describe('the decoder stage on an SDXL-shaped VAE (4 latent channels, scaling 0.13025, no shift)', () => {
  it('is the fixture the Lumina-Next card describes: 4 channels, 0.13025, no shift_factor, 8×', () => {
    expect([C, config.latent_channels, SPEC.scaling_factor, SPEC.scale_factor]).toEqual([4, 4, 0.13025, 8]);
    expect(config.shift_factor ?? null).toBeNull();
  });

  it("matches PyTorch's AutoencoderKL.decode for the sampler's latents divided by scaling_factor", async () => {
    const decoder = await load();
    const sample = await decoder.sample(Float32Array.from(golden.z.data), C, H, W);
    expect(worstDiff(sample, golden.sample.data)).toBeLessThan(1e-5);
    await decoder.dispose();
  });

  it('decodes final tokens of patch 2 to RGBA at 8× the latent grid', async () => {
    const decoder = await load();
    const img = await decoder.decode(patchify(golden.z.data, C, H, W, 2), 0, [H / 2, W / 2], { patch: 2, channels: C });
    expect([img.width, img.height]).toEqual([8 * W, 8 * H]);
    const plane = 8 * H * 8 * W;
    let worst = 0;
    for (let i = 0; i < plane; i++) {
      for (let ch = 0; ch < 3; ch++) {
        const want = Math.min(255, Math.max(0, (golden.sample.data[ch * plane + i] / 2 + 0.5) * 255));
        worst = Math.max(worst, Math.abs(img.data[i * 4 + ch] - want));
      }
    }
    expect(worst).toBeLessThanOrEqual(0.5 + 1e-3);
    await decoder.dispose();
  });

  it('changes pixels outside a latent pixel’s own 8×8 block when only that latent pixel changes', async () => {
    const decoder = await load();
    const z = Float32Array.from(golden.z.data);
    const before = await decoder.sample(z, C, H, W);
    for (let ch = 0; ch < C; ch++) z[(ch * H + 0) * W + 1] += 1; // latent pixel (0, 1)
    const after = await decoder.sample(z, C, H, W);
    const width = 8 * W;
    let outside = 0;
    for (let ch = 0; ch < 3; ch++) {
      for (let y = 0; y < 8 * H; y++) {
        for (let x = 0; x < width; x++) {
          if (y < 8 && x >= 8 && x < 16) continue;
          const i = (ch * 8 * H + y) * width + x;
          outside = Math.max(outside, Math.abs(after[i] - before[i]));
        }
      }
    }
    expect(outside).toBeGreaterThan(0.01);
    await decoder.dispose();
  });
});
