import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpatchify, VaeDecoder } from '../../gpu-node/src/pipelines/vae-decoder';
import { patchify, VAE_DIR, VAE_SPEC, vaeGolden } from '../helpers/latent';
import { worstDiff } from '../helpers/mmdit';

const golden = vaeGolden();
const [, C, H, W] = golden.z.dims;
const load = () => VaeDecoder.load(join(VAE_DIR, 'model.onnx'), VAE_SPEC);

describe('the VAE decoder stage', () => {
  it('unpatchifies tokens of patch 2 back to the latents they were made from', () => {
    const tokens = patchify(golden.z.data, C, H, W, 2);
    expect([...unpatchify(tokens, 0, [H / 2, W / 2], { patch: 2, channels: C })]).toEqual([
      ...Float32Array.from(golden.z.data),
    ]);
  });

  it("matches PyTorch's output for the sampler's latents, scaling and shift applied once", async () => {
    const decoder = await load();
    const sample = await decoder.sample(Float32Array.from(golden.z.data), C, H, W);
    expect(worstDiff(sample, golden.sample.data)).toBeLessThan(1e-5);
  });

  it('decodes final tokens to RGBA at 8× the latent grid, (x/2 + 0.5) clamped', async () => {
    const decoder = await load();
    const tokens = patchify(golden.z.data, C, H, W, 2);
    const img = await decoder.decode(tokens, 0, [H / 2, W / 2], { patch: 2, channels: C });
    expect([img.width, img.height]).toEqual([8 * W, 8 * H]);
    const plane = 8 * H * 8 * W;
    let worst = 0;
    for (let i = 0; i < plane; i++) {
      for (let ch = 0; ch < 3; ch++) {
        const want = Math.min(255, Math.max(0, (golden.sample.data[ch * plane + i] / 2 + 0.5) * 255));
        worst = Math.max(worst, Math.abs(img.data[i * 4 + ch] - want));
      }
      expect(img.data[i * 4 + 3]).toBe(255);
    }
    expect(worst).toBeLessThanOrEqual(0.5 + 1e-3);
  });

  it('refuses a decoder whose input or output is not the one the card names, naming both', async () => {
    await expect(VaeDecoder.load(join(VAE_DIR, 'model.onnx'), { ...VAE_SPEC, input: 'latents' })).rejects.toThrow(
      /inputs latent_sample and outputs sample; the card's stages.decoder names latents → sample/,
    );
  });
});
