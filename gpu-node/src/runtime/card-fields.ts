/**
 * The card fields every family shares (docs/model-contract.md): the
 * transformer's graphs and shape, its grid, time, preview, recommendations and
 * sizes; and a latent decoder's entry. `card.ts` builds each format's schema
 * from them, `nextdit-card.ts` the NextDiT family's.
 */
import { z } from 'zod';

export const pair = z.tuple([z.number().int().positive(), z.number().int().positive()]);
export const name = z.string().min(1);

export const common = {
  /** fused_fp16: the fused graph with x, v and the caches in half precision (device residency only). */
  graphs: z.object({ unfused: z.string(), fused: z.string(), fused_fp16: z.string().optional() }),
  kv: z.object({ layout: z.literal('per-layer [B,H,N,head_dim]') }),
  patch: z.number().int().positive(),
  channels: z.number().int().positive(),
  token_dim: z.number().int().positive(),
  hidden: z.number().int().positive(),
  layers: z.number().int().positive(),
  heads: z.number().int().positive(),
  head_dim: z.number().int().positive(),
  grid: z.object({ default: pair, min: pair, max: pair }),
  time: z.object({ scale: z.number().positive(), shift: z.number().positive() }),
  preview: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rgb'), scale: z.number(), offset: z.number() }),
    /** Each latent pixel's channels to RGB in [0, 1]: matrix [3][channels] (width checked), bias [3]. */
    z.object({
      kind: z.literal('linear'),
      matrix: z.tuple([z.array(z.number()), z.array(z.number()), z.array(z.number())]),
      bias: z.tuple([z.number(), z.number(), z.number()]),
    }),
  ]),
  recommended: z.object({ steps: z.number().int().positive(), guidance: z.number().nonnegative() }),
  /** Pixel sizes [width, height] the model serves well (was trained at); [] for none (a test model). */
  sizes: z.array(pair).optional(),
};

/** A latent decoder (a VAE): latents / scaling_factor + shift_factor → `input`; `output` in [−1, 1], scale_factor × the latent grid. */
export const decoder = z.object({
  file: name,
  input: name,
  output: name,
  scaling_factor: z.number().positive(),
  shift_factor: z.number(),
  scale_factor: z.number().int().positive(),
});

/** The transformer's graph files of a `ras-ready/3` card (fused_fp16: the WebGPU half-precision graph). */
export const transformerFiles = z.object({ unfused: name, fused: name, fused_fp16: name.optional() });
