/**
 * A session as its owner sees it. Another key's session answers exactly like
 * a missing one (404), so ids cannot be probed for existence.
 */
import type { Context } from 'hono';
import { ApiError } from '../errors';
import type { AppEnv } from '../types';
import { directoryOf } from './directory';
import type { SessionRecord } from './record';

const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The caller's session `id`: its directory stub and record; 404 when unknown or not theirs. */
export async function ownedSession(c: Context<AppEnv>, id: string) {
  const missing = new ApiError(404, 'not_found', `session "${id.slice(0, 128)}" not found`);
  if (!ID.test(id)) throw missing;
  const stub = directoryOf(c.env, id);
  const record = (await stub.read()) as SessionRecord | null;
  if (!record || record.ownerKeyHash !== c.get('keyHash')) throw missing;
  return { stub, record };
}
