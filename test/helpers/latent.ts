/** The miniature VAE decoder fixture (gpu-node/tools/mini_vae.py) and SD3's decoder constants for it. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DecoderSpec } from '../../gpu-node/src/pipelines/vae-decoder';

export const VAE_DIR = resolve(__dirname, '../fixtures/sd3-mini/optimum/vae_decoder');

/** The card's `stages.decoder` for the fixture, as a converter writes it (file relative to a model directory). */
export const VAE_SPEC: DecoderSpec = {
  file: 'vae_decoder/model.onnx',
  input: 'latent_sample',
  output: 'sample',
  scaling_factor: 1.5305,
  shift_factor: 0.0609,
  scale_factor: 8,
};

export interface VaeGolden {
  z: { dims: number[]; data: number[] };
  sample: { dims: number[]; data: number[] };
}

export const vaeGolden = (): VaeGolden => JSON.parse(readFileSync(join(VAE_DIR, 'golden.json'), 'utf8'));

/** Latents [C, h, w] as tokens [1, N, p·p·C] of patch `p` (row-major grid, features (py, px, channel)). */
export function patchify(z: ArrayLike<number>, c: number, h: number, w: number, p: number): Float32Array {
  const gw = w / p;
  const out = new Float32Array(c * h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const tok = Math.floor(y / p) * gw + Math.floor(x / p);
      for (let ch = 0; ch < c; ch++) out[(tok * p * p + (y % p) * p + (x % p)) * c + ch] = z[(ch * h + y) * w + x];
    }
  }
  return out;
}
