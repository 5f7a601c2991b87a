/** `POST /v1/generations`: one image from a recipe (docs/design.md#http-api). */
import { z } from 'zod';
import { conditionSchema, previewSchema, rasSchema, streamSchema, timeoutSchema, uint32 } from './common';

const side = z.number().int().min(1).max(4096);

/** The body of `POST /v1/generations`. */
export const generationRequestSchema = z.strictObject({
  /** Model name from `GET /v1/models`. */
  model: z.string().min(1).max(200),
  condition: conditionSchema,
  /** Negative / null condition for classifier-free guidance. */
  negative: conditionSchema.optional(),
  guidance: z.number().min(0).max(100).optional(),
  /** Noise seed; the edge picks one when absent (the session records it). */
  seed: uint32.optional(),
  steps: z.number().int().min(1).max(1000).optional(),
  width: side.optional(),
  height: side.optional(),
  ras: rasSchema.optional(),
  preview: previewSchema.optional(),
  stream: streamSchema,
  timeoutMs: timeoutSchema,
});

/** The body of `POST /v1/generations`. */
export type GenerationRequest = z.infer<typeof generationRequestSchema>;

/** What replays a generation: the request less its delivery options, seed filled in. */
export type Recipe = Omit<GenerationRequest, 'preview' | 'stream' | 'timeoutMs'> & { seed: number };
