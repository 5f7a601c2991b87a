/**
 * The decoder stage of a latent model (a VAE's decoder, optimum's export):
 * a plain onnxruntime session on the CPU, run once per result, never for a
 * preview. The final tokens are unpatchified to latents [1, C, h, w], divided
 * by `scaling_factor` with `shift_factor` added (diffusers' SD3 pipeline), and
 * the output in [−1, 1] becomes pixels as (x/2 + 0.5) clamped.
 */
import ort from 'onnxruntime-node';
import type { RgbImage } from '../sampler/tokens';

/** The card's `stages.decoder` (docs/model-contract.md). */
export interface DecoderSpec {
  file: string;
  input: string;
  output: string;
  scaling_factor: number;
  shift_factor: number;
  scale_factor: number;
}

/** Tokens' layout: `patch` pixels a side, `channels` per latent pixel, features (py, px, channel). */
export interface TokenLayout {
  patch: number;
  channels: number;
}

/** Image `b` of tokens [B, N, C·p·p] over `grid` as latents [C, gh·p, gw·p] (row-major grid). */
export function unpatchify(tokens: Float32Array, b: number, grid: [number, number], layout: TokenLayout): Float32Array {
  const { patch: p, channels: c } = layout;
  const [gh, gw] = grid;
  const [h, w] = [gh * p, gw * p];
  const dim = p * p * c;
  const out = new Float32Array(c * h * w);
  const base = b * gh * gw * dim;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const src = base + ((Math.floor(y / p) * gw + Math.floor(x / p)) * p * p + (y % p) * p + (x % p)) * c;
      for (let ch = 0; ch < c; ch++) out[(ch * h + y) * w + x] = tokens[src + ch];
    }
  }
  return out;
}

/** A decoder's output [1, 3, H, W] in [−1, 1] as RGBA: (x/2 + 0.5) clamped, 8 bits. */
export function sampleToImage(sample: Float32Array, height: number, width: number): RgbImage {
  const plane = height * width;
  const data = new Uint8ClampedArray(plane * 4);
  for (let i = 0; i < plane; i++) {
    for (let ch = 0; ch < 3; ch++) data[i * 4 + ch] = Math.round((sample[ch * plane + i] / 2 + 0.5) * 255);
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

export class VaeDecoder {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly spec: DecoderSpec,
    private readonly path: string,
  ) {}

  /** Loads `path` (the card's `stages.decoder.file`); its input and output must carry the card's names. */
  static async load(path: string, spec: DecoderSpec): Promise<VaeDecoder> {
    const session = await ort.InferenceSession.create(path, { executionProviders: ['cpu'], logSeverityLevel: 3 });
    if (!session.inputNames.includes(spec.input) || !session.outputNames.includes(spec.output))
      throw new Error(
        `${path}: the decoder has inputs ${session.inputNames.join(', ')} and outputs ${session.outputNames.join(', ')}; ` +
          `the card's stages.decoder names ${spec.input} → ${spec.output}`,
      );
    return new VaeDecoder(session, spec, path);
  }

  /** The decoder's output [1, 3, s·h, s·w] for latents [C, h, w] as the sampler left them (scaled and shifted here, once). */
  async sample(latents: Float32Array, channels: number, h: number, w: number): Promise<Float32Array> {
    const { scaling_factor: scaling, shift_factor: shift, scale_factor: s } = this.spec;
    const z = latents.map((v) => v / scaling + shift);
    const out = await this.session.run({ [this.spec.input]: new ort.Tensor('float32', z, [1, channels, h, w]) }, [
      this.spec.output,
    ]);
    const t = out[this.spec.output];
    const want = [1, 3, s * h, s * w];
    if (t.dims.join() !== want.join())
      throw new Error(`${this.path}: output ${this.spec.output} is [${t.dims}], want [${want}] (scale_factor ${s})`);
    return t.data as Float32Array;
  }

  /** Image `b` of final tokens over `grid` as pixels: `scale_factor` times the latent grid. */
  async decode(tokens: Float32Array, b: number, grid: [number, number], layout: TokenLayout): Promise<RgbImage> {
    const [h, w] = [grid[0] * layout.patch, grid[1] * layout.patch];
    const sample = await this.sample(unpatchify(tokens, b, grid, layout), layout.channels, h, w);
    const s = this.spec.scale_factor;
    return sampleToImage(sample, s * h, s * w);
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
