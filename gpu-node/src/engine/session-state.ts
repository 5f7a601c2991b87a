/**
 * A session's portable state (re-homing): recipe and versions as JSON bytes.
 * The edge keeps it; a node that lacks the session adopts it from it.
 */
import { z } from 'zod';
import type { SessionMeta } from './sessions';
import { EngineError } from './types';

/** The shape checked on adoption; the sampler re-validates every setting when it replays. */
const portableState = z.object({
  id: z.string().min(1).max(200),
  recipe: z.looseObject({
    model: z.string(),
    cond: z.number().int(),
    seed: z.number().int(),
    negative: z.number().int(),
    guidance: z.number(),
    steps: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    grid: z.tuple([z.number().int(), z.number().int()]),
    kvEvery: z.number().int().positive(),
    ras: z.looseObject({ policy: z.string() }),
  }),
  versions: z
    .array(z.looseObject({ version: z.number().int().positive(), parent: z.number().int().positive().nullable() }))
    .min(1),
  createdAt: z.number(),
});

export function encodeState(meta: SessionMeta): Uint8Array {
  const { id, recipe, versions, createdAt } = meta;
  return new TextEncoder().encode(JSON.stringify({ id, recipe, versions, createdAt }));
}

/** Parses a state; INVALID_ARGUMENT on `restore_state` when it is not one. */
export function decodeState(bytes: Uint8Array): Omit<SessionMeta, 'lastUsed'> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    json = undefined;
  }
  const parsed = portableState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new EngineError('INVALID_ARGUMENT', `restore_state: ${where}${issue.message}`, 'restore_state');
  }
  return parsed.data as unknown as Omit<SessionMeta, 'lastUsed'>;
}
