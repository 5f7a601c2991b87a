/** `POST /v1/sessions/{id}/edits`: re-sample a region of a session's image (docs/design.md#sessions). */
import { z } from 'zod';
import {
  conditionSchema,
  maskSchema,
  previewSchema,
  rasSchema,
  rectSchema,
  streamSchema,
  timeoutSchema,
  uint32,
} from './common';

/** The body of `POST /v1/sessions/{id}/edits`: give `rects` or `mask`. */
export const editRequestSchema = z
  .strictObject({
    /** Version to edit (default: the latest). */
    version: z.number().int().min(1).max(1_000_000).optional(),
    rects: z.array(rectSchema).min(1).max(64).optional(),
    mask: maskSchema.optional(),
    /** Dilation of the region in tokens (default 1). */
    margin: z.number().int().min(0).max(64).optional(),
    /** New condition inside the region (default: the recipe's). */
    condition: conditionSchema.optional(),
    /** New noise seed inside the region (default: the recipe's). */
    seed: uint32.optional(),
    ras: rasSchema.optional(),
    preview: previewSchema.optional(),
    stream: streamSchema,
    timeoutMs: timeoutSchema,
  })
  .refine((b) => (b.rects === undefined) !== (b.mask === undefined), {
    message: 'give rects or mask (exactly one)',
    path: ['rects'],
  });

/** The body of `POST /v1/sessions/{id}/edits`. */
export type EditRequest = z.infer<typeof editRequestSchema>;

/** An edit as the session records it (replayable: no delivery options). */
export type EditRecipe = Omit<EditRequest, 'preview' | 'stream' | 'timeoutMs'>;
