/**
 * The session directory: one Durable Object per session id (docs/design.md#scale),
 * the single writer of that session's record, so concurrent edits of one
 * session see each other's versions in order.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Backend } from '../nodes/backends';
import type { SessionRecord, VersionRecord } from './record';

const KEY = 'session';

export class SessionDirectory extends DurableObject<Env> {
  /** Records a new session (a generation's result); an existing record is kept. */
  async create(record: SessionRecord): Promise<void> {
    if (!(await this.ctx.storage.get(KEY))) await this.ctx.storage.put(KEY, record);
  }

  /** The record, or null when there is none. */
  async read(): Promise<SessionRecord | null> {
    return (await this.ctx.storage.get<SessionRecord>(KEY)) ?? null;
  }

  /**
   * Adds a version made on `node` with the node's latest session `state` and
   * the `backend` that sampled it; the node becomes the session's owner (it
   * now holds the caches).
   */
  async addVersion(
    version: VersionRecord,
    state: Uint8Array,
    node: string,
    backend?: Backend,
  ): Promise<SessionRecord | null> {
    const record = await this.read();
    if (!record) return null;
    const versions = [...record.versions.filter((v) => v.version !== version.version), version];
    versions.sort((a, b) => a.version - b.version);
    const newest = versions.at(-1)!.version === version.version;
    const next = newest ? { ...record, versions, node, state, backend } : { ...record, versions, node };
    await this.ctx.storage.put(KEY, next);
    return next;
  }

  /** Forgets the session. */
  async remove(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}

/** The directory entry of session `id`. */
export function directoryOf(env: Env, id: string): DurableObjectStub<SessionDirectory> {
  return env.SESSIONS.get(env.SESSIONS.idFromName(id));
}
