/**
 * Pieces the edge API's request bodies share (docs/design.md#http-api): condition, RAS
 * settings, previews, regions. JSON shapes follow ras.v1 (proto field names
 * in camelCase, bytes as base64) so a body maps onto a node request field
 * for field.
 */
import { z } from 'zod';

const uint32 = z.number().int().min(0).max(0xffff_ffff);
const ratio = z.number().gt(0).lte(1);

/**
 * A class id, or a label the model lists (class-conditional models); a prompt
 * (models `GET /v1/models` marks `prompted`; the empty prompt is the unconditional one).
 */
export const conditionSchema = z.union([
  z.strictObject({ classId: uint32 }),
  z.strictObject({ label: z.string().min(1).max(200) }),
  z.strictObject({ prompt: z.string().max(2000) }),
]);

/** Region-Adaptive Sampling settings; every field optional (server default). */
export const rasSchema = z
  .strictObject({
    policy: z.enum(['std', 'l2norm', 'random', 'dense']).optional(),
    /** Constant sample ratio r in (0, 1]. */
    ratio: ratio.optional(),
    /** Linear ramp of the ratio over the RAS steps. */
    ramp: z.strictObject({ from: ratio, to: ratio }).optional(),
    warmup: uint32.optional(),
    /** Dense error-reset steps; [] for none. */
    resets: z.array(uint32).max(1000).optional(),
    starvationScale: z.number().min(0).max(100).optional(),
    highRatio: z.number().min(0).max(1).optional(),
    maxStale: z.number().int().min(1).max(0xffff_ffff).optional(),
  })
  .refine((r) => r.ratio === undefined || r.ramp === undefined, {
    message: 'give ratio or ramp, not both',
    path: ['ramp'],
  });

/** Progressive previews: one every `every` steps (0: none). */
export const previewSchema = z.strictObject({
  every: z.number().int().min(0).max(10_000),
  maxSide: z.number().int().min(1).max(4096).optional(),
  format: z.enum(['png', 'jpeg']).optional(),
});

/** A pixel rectangle; the node snaps it to whole tokens and dilates it. */
export const rectSchema = z.strictObject({
  x: uint32,
  y: uint32,
  width: z.number().int().min(1).max(65_535),
  height: z.number().int().min(1).max(65_535),
});

/** A mask: `data` is base64 of width·height bytes, non-zero = edit. */
export const maskSchema = z.strictObject({
  width: z.number().int().min(1).max(4096),
  height: z.number().int().min(1).max(4096),
  data: z.base64(),
});

/** Streams SSE when true (same as `Accept: text/event-stream`). */
export const streamSchema = z.boolean().optional();

/** Deadline for the whole request in milliseconds (default: the edge's). */
export const timeoutSchema = z.number().int().min(1).max(600_000).optional();

export { uint32 };
