/**
 * A session's portable state (re-homing): the recipe, the versions' edits and
 * the backend that sampled the latest version, as compact JSON, signed by the
 * fleet (`state-signer.ts`). The edge keeps it opaque; a node that lacks the
 * session adopts it from it.
 *
 * Bounded: a session holds at most MAX_VERSIONS versions, each edit's region
 * travels as a bit mask (one bit per token) and RAS reset lists are
 * de-duplicated, so a state never exceeds MAX_STATE_BYTES however a session
 * was edited (docs/sessions.md, "Re-homing").
 */
import { z } from 'zod';
import type { TokenMask } from '../../sampler/token-mask';
import { EngineError } from '../types';
import { isSessionId } from './session-id';
import type { StateSigner } from './state-signer';
import type { SessionMeta, VersionMeta } from './types';

/** Versions one session may hold (the edit that would make one more is refused). */
export const MAX_VERSIONS = 32;
/** Largest state a node hands out or accepts, signature included. */
export const MAX_STATE_BYTES = 192 * 1024;

const int = z.number().int();
const rasShape = z.looseObject({ policy: z.string(), resets: z.array(int).max(1000) });
/** A class id, or a prompt (its words are checked again by the tokenizer on replay). */
const condition = z.union([int, z.strictObject({ prompt: z.string().max(2000) })]);
const name = z.string().max(64);

/** The shape checked on adoption; the sampler re-validates every setting when it replays. */
const portableState = z.object({
  id: z.string().refine(isSessionId, 'not a session id'),
  recipe: z.looseObject({
    model: z.string().max(200),
    cond: condition,
    seed: int,
    negative: condition,
    guidance: z.number(),
    steps: int,
    width: int,
    height: int,
    grid: z.tuple([int.positive().max(4096), int.positive().max(4096)]),
    kvEvery: int.positive(),
    ras: rasShape,
  }),
  versions: z
    .array(
      z.object({
        version: int.positive(),
        parent: int.positive().nullable(),
        createdAt: z.number(),
        edit: z
          .object({ mask: z.base64(), inner: z.base64().optional(), cond: condition, seed: int, ras: rasShape })
          .optional(),
      }),
    )
    .min(1)
    .max(MAX_VERSIONS),
  // Absent in states from nodes that predate it: the backend is unknown (docs/sessions.md, "Re-homing").
  backend: z.object({ provider: name, attention: name, dtype: name }).optional(),
  createdAt: z.number(),
});
/** What a state carries: the meta, each edit's region as a mask. */
interface Portable extends Omit<SessionMeta, 'lastUsed' | 'versions'> {
  versions: (Omit<VersionMeta, 'edit'> & {
    edit?: Omit<NonNullable<VersionMeta['edit']>, 'region' | 'inner'> & { mask: string; inner?: string };
  })[];
}

/** A region packed one bit per token (token j is bit j & 7 of byte j >> 3), base64. */
export function packMask(mask: TokenMask): string {
  const bits = new Uint8Array(Math.ceil(mask.length / 8));
  mask.forEach((on, j) => {
    if (on) bits[j >> 3] |= 1 << (j & 7);
  });
  return Buffer.from(bits).toString('base64');
}

/** The region of a grid of `tokens` tokens packed by `packMask`; INVALID_ARGUMENT when it does not fit. */
export function unpackMask(packed: string, tokens: number): TokenMask {
  const bits = Buffer.from(packed, 'base64');
  if (bits.length !== Math.ceil(tokens / 8)) throw invalid('versions: edit mask does not fit the grid');
  return Uint8Array.from({ length: tokens }, (_, j) => (bits[j >> 3] >> (j & 7)) & 1);
}

const invalid = (why: string) => new EngineError('INVALID_ARGUMENT', `restore_state: ${why}`, 'restore_state');

/** The signed state of `meta`. */
export function encodeState(meta: SessionMeta, signer: StateSigner): Uint8Array {
  const { id, recipe, versions, backend, createdAt } = meta;
  const portable: Portable = {
    id,
    recipe,
    backend,
    createdAt,
    versions: versions.map(({ version, parent, createdAt, edit }) => ({
      version,
      parent,
      createdAt,
      edit: edit && {
        mask: packMask(edit.region),
        inner: edit.inner && packMask(edit.inner),
        cond: edit.cond,
        seed: edit.seed,
        ras: edit.ras,
      },
    })),
  };
  return signer.sign(new TextEncoder().encode(JSON.stringify(portable)));
}

/**
 * The session in a state: signature first (nothing unsigned is parsed), then
 * the shape. INVALID_ARGUMENT / PERMISSION_DENIED on `restore_state`.
 */
export function decodeState(bytes: Uint8Array, signer: StateSigner): Omit<SessionMeta, 'lastUsed'> {
  if (bytes.length > MAX_STATE_BYTES) throw invalid(`larger than ${MAX_STATE_BYTES} bytes, not a session state`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(signer.verify(bytes)));
  } catch (e) {
    if (e instanceof EngineError) throw e;
    json = undefined;
  }
  const parsed = portableState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw invalid(`${where}${issue.message}`);
  }
  const { recipe, versions } = parsed.data;
  const tokens = recipe.grid[0] * recipe.grid[1];
  return {
    ...parsed.data,
    recipe: recipe as unknown as SessionMeta['recipe'],
    versions: versions.map(({ edit, ...v }): VersionMeta => {
      if (!edit) return v;
      const { mask, inner, ...rest } = edit;
      const masks = { region: unpackMask(mask, tokens), ...(inner && { inner: unpackMask(inner, tokens) }) };
      return { ...v, edit: { ...rest, ...masks } as unknown as VersionMeta['edit'] };
    }),
  };
}
