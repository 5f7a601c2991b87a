/**
 * Sessions (docs/sessions.md): a generation's recipe and its versions, with each
 * version's trajectory kept in memory under a byte budget (LRU) and spilled
 * to a directory (`disk-tier.ts`), so a restarted node still has its
 * sessions. Sessions idle longer than the TTL are dropped. A trajectory that
 * is gone or corrupt reads as missing and the engine rebuilds it by replay.
 */

import { quote } from '../../sampler/errors';
import { type Trajectory, trajectoryBytes } from '../../sampler/trajectory';
import { type Backend, EngineError, type SessionInfo } from '../types';
import { DiskTier } from './disk-tier';
import { decodeState, encodeState, MAX_VERSIONS } from './portable-state';
import { checkSessionId, newSessionId } from './session-id';
import { type StateKeys, StateSigner } from './state-signer';
import type { ResolvedRecipe, SessionMeta, VersionEdit, VersionMeta } from './types';

export interface SessionStoreOptions {
  /** Spill directory; none keeps sessions in memory only. */
  dir?: string;
  /** Bytes of trajectories held in memory (default 512 MiB). */
  memoryBytes?: number;
  /** Bytes of trajectory files kept on disk (default 4 GiB); beyond, the least recently used go. */
  diskBytes?: number;
  /** Idle time after which a session is dropped (default 1 h). */
  ttlMs?: number;
  /**
   * Keys that sign the portable states (the fleet's RAS_STATE_KEY and
   * RAS_STATE_KEY_NEXT); none: a random key, so states re-home nowhere else.
   */
  stateKeys?: StateKeys;
  now?: () => number;
}

const notFound = (what: string) => new EngineError('NOT_FOUND', `${what} not found`, 'session_id');

export class SessionStore {
  private readonly metas = new Map<string, SessionMeta>();
  /** LRU of trajectories by "id/version" and of the versions' PNGs by "id/version.png": Map order is use order. */
  private readonly hot = new Map<string, { t?: Trajectory; png?: Uint8Array; bytes: number }>();
  private hotBytes = 0;
  readonly memoryBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly disk: DiskTier | null;
  private readonly signer: StateSigner;

  private constructor(opts: SessionStoreOptions) {
    this.memoryBytes = opts.memoryBytes ?? 512 * 2 ** 20;
    this.ttlMs = opts.ttlMs ?? 3_600_000;
    this.now = opts.now ?? Date.now;
    this.signer = opts.stateKeys ? new StateSigner(opts.stateKeys) : StateSigner.ephemeral();
    this.disk = opts.dir ? new DiskTier(opts.dir, opts.diskBytes ?? 4 * 2 ** 30) : null;
  }

  /** Opens the store, loading the metadata of every spilled session. */
  static async open(opts: SessionStoreOptions = {}): Promise<SessionStore> {
    const store = new SessionStore(opts);
    for (const meta of (await store.disk?.scan()) ?? []) store.metas.set(meta.id, meta);
    await store.sweep();
    return store;
  }

  get bytesInMemory(): number {
    return this.hotBytes;
  }

  get bytesOnDisk(): number {
    return this.disk?.bytes ?? 0;
  }

  /** A new session of `recipe`, its version 1 sampled on `backend`. */
  async create(recipe: ResolvedRecipe, t: Trajectory, png: Uint8Array, backend?: Backend): Promise<SessionMeta> {
    await this.sweep();
    const now = this.now();
    const meta: SessionMeta = { id: newSessionId(), recipe, versions: [], backend, createdAt: now, lastUsed: now };
    this.metas.set(meta.id, meta);
    await this.addVersion(meta.id, { version: 1, parent: null, createdAt: now }, t, png);
    return meta;
  }

  /**
   * The session an edit may add a version to: adopted from `restoreState`
   * when this node lacks it (re-homing); FAILED_PRECONDITION when it already
   * holds MAX_VERSIONS versions.
   */
  async editable(id: string, restoreState?: Uint8Array): Promise<SessionMeta> {
    checkSessionId(id);
    if (restoreState && !this.has(id)) await this.adopt(id, restoreState);
    const meta = this.meta(id);
    if (meta.versions.length >= MAX_VERSIONS)
      throw new EngineError(
        'FAILED_PRECONDITION',
        `session_id: the session has its ${MAX_VERSIONS} versions, the most one session keeps; start a new generation`,
        'session_id',
      );
    return meta;
  }

  /**
   * Stores the version `edit` made from version `parent` on `backend`, which
   * becomes the session's (its trajectories here are that backend's); returns
   * its number (the next one).
   */
  async addEdit(
    id: string,
    parent: number,
    edit: VersionEdit,
    t: Trajectory,
    png: Uint8Array,
    backend?: Backend,
  ): Promise<number> {
    const meta = this.meta(id);
    const version = meta.versions.length + 1;
    if (backend) meta.backend = backend;
    await this.addVersion(id, { version, parent, edit, createdAt: this.now() }, t, png);
    return version;
  }

  private async addVersion(id: string, v: VersionMeta, t: Trajectory, png: Uint8Array): Promise<void> {
    const meta = this.meta(id);
    meta.versions.push(v);
    meta.lastUsed = this.now();
    this.remember(`${id}/${v.version}.png`, { png, bytes: png.byteLength });
    this.remember(`${id}/${v.version}`, { t, bytes: trajectoryBytes(t) }); // last: the newest entry always stays
    if (this.disk) {
      await this.disk.writeTrajectory(id, v.version, t);
      await this.disk.writePng(id, v.version, png);
      await this.disk.writeMeta(meta);
    }
  }

  /** The session's metadata; INVALID_ARGUMENT for a malformed id, NOT_FOUND when unknown or expired. */
  meta(id: string): SessionMeta {
    const meta = this.metas.get(checkSessionId(id));
    if (!meta || this.expired(meta)) throw notFound(`session ${quote(id)}`);
    meta.lastUsed = this.now();
    return meta;
  }

  /** Whether the session is here and alive (false for a malformed id). */
  has(id: string): boolean {
    const meta = this.metas.get(id);
    return meta !== undefined && !this.expired(meta);
  }

  version(id: string, version?: number): VersionMeta {
    const meta = this.meta(id);
    const v = version === undefined ? meta.versions.at(-1) : meta.versions.find((x) => x.version === version);
    if (!v) throw notFound(`version ${version} of session ${quote(id)}`);
    return v;
  }

  info(id: string): SessionInfo {
    const m = this.meta(id);
    return {
      sessionId: id,
      model: m.recipe.model,
      versions: m.versions.map((v) => v.version),
      recipe: m.recipe,
      createdAt: m.createdAt,
      backend: m.backend,
    };
  }

  /** The session's portable state: recipe and versions, no caches (signed, bounded). */
  state(id: string): Uint8Array {
    return encodeState(this.meta(id), this.signer);
  }

  /**
   * Takes over session `id` from its portable state (re-homing): recipe and
   * versions only; every trajectory is rebuilt by replay when first needed.
   * The state must be signed by the fleet and be `id`'s own; it is checked
   * in full before anything is stored, and a session this node already holds
   * is kept as it is, never replaced.
   */
  async adopt(id: string, bytes: Uint8Array): Promise<SessionMeta> {
    checkSessionId(id);
    const decoded = decodeState(bytes, this.signer);
    if (decoded.id !== id)
      throw new EngineError('INVALID_ARGUMENT', 'restore_state: belongs to another session', 'restore_state');
    if (this.has(id)) return this.meta(id);
    const meta = { ...decoded, lastUsed: this.now() };
    this.metas.set(id, meta);
    await this.disk?.writeMeta(meta);
    return meta;
  }

  /** The version's trajectory from memory or disk; null when it must be rebuilt. */
  async trajectory(id: string, version: number): Promise<Trajectory | null> {
    const key = `${id}/${version}`;
    const hot = this.used(key);
    if (hot?.t) return hot.t;
    const t = (await this.disk?.readTrajectory(id, version)) ?? null;
    if (t) this.remember(key, { t, bytes: trajectoryBytes(t) });
    return t;
  }

  /** The version's PNG from memory or disk; null when neither holds it (an adopted session: rebuild it). */
  async png(id: string, version: number): Promise<Uint8Array | null> {
    const key = `${id}/${version}.png`;
    const hot = this.used(key);
    if (hot?.png) return hot.png;
    const png = (await this.disk?.readPng(id, version)) ?? null;
    if (png) this.remember(key, { png, bytes: png.byteLength });
    return png;
  }

  /** Puts a rebuilt trajectory back (memory and disk). */
  async restore(id: string, version: number, t: Trajectory): Promise<void> {
    this.remember(`${id}/${version}`, { t, bytes: trajectoryBytes(t) });
    await this.disk?.writeTrajectory(id, version, t);
  }

  /** Puts a rebuilt PNG back (memory and disk). */
  async restorePng(id: string, version: number, png: Uint8Array): Promise<void> {
    this.remember(`${id}/${version}.png`, { png, bytes: png.byteLength });
    await this.disk?.writePng(id, version, png);
  }

  async delete(id: string): Promise<void> {
    this.meta(id);
    await this.drop(id);
  }

  /** Drops expired sessions (memory and disk). */
  async sweep(): Promise<void> {
    for (const meta of [...this.metas.values()]) if (this.expired(meta)) await this.drop(meta.id);
  }

  private expired(meta: SessionMeta): boolean {
    return this.now() - meta.lastUsed > this.ttlMs;
  }

  private async drop(id: string): Promise<void> {
    this.metas.delete(id);
    for (const key of [...this.hot.keys()]) if (key.startsWith(`${id}/`)) this.forget(key);
    await this.disk?.drop(id);
  }

  /** The memory tier's entry for `key`, marked as used most recently. */
  private used(key: string): { t?: Trajectory; png?: Uint8Array } | undefined {
    const hot = this.hot.get(key);
    if (hot) {
      this.hot.delete(key);
      this.hot.set(key, hot);
    }
    return hot;
  }

  private remember(key: string, entry: { t?: Trajectory; png?: Uint8Array; bytes: number }): void {
    this.forget(key);
    const { bytes } = entry;
    this.hot.set(key, entry);
    this.hotBytes += bytes;
    for (const old of this.hot.keys()) {
      if (this.hotBytes <= this.memoryBytes || old === key) break;
      this.forget(old);
    }
  }

  private forget(key: string): void {
    const entry = this.hot.get(key);
    if (!entry) return;
    this.hot.delete(key);
    this.hotBytes -= entry.bytes;
  }
}
