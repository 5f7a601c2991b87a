/**
 * Sessions (DESIGN.md §5): a generation's recipe and its versions, with each
 * version's trajectory kept in memory under a byte budget (LRU) and spilled
 * to a directory, so a restarted node still has its sessions. Sessions idle
 * longer than the TTL are dropped. A trajectory that is gone or corrupt is
 * reported missing and the engine rebuilds it by replay; it is never served.
 */

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RasSettings } from '../sampler/settings';
import { type Trajectory, trajectoryBytes } from '../sampler/trajectory';
import { CorruptFileError, encodeTrajectory, readTrajectory, writeAtomic } from './trajectory-file';
import { EngineError, type GenerateParams, type SessionInfo } from './types';

/** A recipe with every default filled in, so a replay is exact. */
export interface Recipe extends GenerateParams {
  cond: number;
  negative: number;
  guidance: number;
  steps: number;
  width: number;
  height: number;
  grid: [number, number];
  ras: RasSettings;
  kvEvery: number;
}

/** How version v was made from its parent (none for version 1). */
export interface VersionMeta {
  version: number;
  parent: number | null;
  edit?: { region: number[]; cond: number; seed: number; ras: RasSettings };
  createdAt: number;
}

export interface SessionMeta {
  id: string;
  recipe: Recipe;
  versions: VersionMeta[];
  createdAt: number;
  lastUsed: number;
}

export interface SessionStoreOptions {
  /** Spill directory; none keeps sessions in memory only. */
  dir?: string;
  /** Bytes of trajectories held in memory (default 512 MiB). */
  memoryBytes?: number;
  /** Bytes of trajectory files kept on disk (default 4 GiB); beyond, the least recently used go. */
  diskBytes?: number;
  /** Idle time after which a session is dropped (default 1 h). */
  ttlMs?: number;
  now?: () => number;
}

/** The shape of a portable session state; the recipe is checked again when replayed. */
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
    .array(
      z.looseObject({
        version: z.number().int().positive(),
        parent: z.number().int().positive().nullable(),
      }),
    )
    .min(1),
  createdAt: z.number(),
});

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

const notFound = (what: string) => new EngineError('NOT_FOUND', `${what} not found`, 'session_id');

export class SessionStore {
  private readonly metas = new Map<string, SessionMeta>();
  /** LRU of trajectories by "id/version": Map order is use order. */
  private readonly hot = new Map<string, { t: Trajectory; bytes: number }>();
  /** Trajectory files on disk by "id/version" → bytes; Map order is use order. */
  private readonly spilled = new Map<string, number>();
  private spilledBytes = 0;
  private hotBytes = 0;
  readonly memoryBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  private constructor(private readonly opts: SessionStoreOptions) {
    this.memoryBytes = opts.memoryBytes ?? 512 * 2 ** 20;
    this.ttlMs = opts.ttlMs ?? 3_600_000;
    this.now = opts.now ?? Date.now;
  }

  /** Opens the store, loading the metadata of every spilled session. */
  static async open(opts: SessionStoreOptions = {}): Promise<SessionStore> {
    const store = new SessionStore(opts);
    if (opts.dir) {
      await mkdir(opts.dir, { recursive: true });
      for (const id of await readdir(opts.dir)) {
        try {
          const meta: SessionMeta = JSON.parse(await readFile(join(opts.dir, id, 'meta.json'), 'utf8'));
          if (meta.id !== id) throw new Error('meta of another session');
          store.metas.set(id, meta);
          for (const file of await readdir(join(opts.dir, id))) {
            const m = /^v(\d+)\.traj$/.exec(file);
            if (m) store.noteSpilled(`${id}/${m[1]}`, (await stat(join(opts.dir, id, file))).size);
          }
        } catch {
          await rm(join(opts.dir, id), { recursive: true, force: true }); // unreadable: drop, never serve
        }
      }
    }
    await store.sweep();
    return store;
  }

  get bytesInMemory(): number {
    return this.hotBytes;
  }

  async create(recipe: Recipe, t: Trajectory, png: Uint8Array): Promise<SessionMeta> {
    await this.sweep();
    const now = this.now();
    const meta: SessionMeta = { id: randomUUID(), recipe, versions: [], createdAt: now, lastUsed: now };
    this.metas.set(meta.id, meta);
    await this.addVersion(meta.id, { version: 1, parent: null, createdAt: now }, t, png);
    return meta;
  }

  /** Stores a new version (its number must be the next one). */
  async addVersion(id: string, v: VersionMeta, t: Trajectory, png: Uint8Array): Promise<void> {
    const meta = this.meta(id);
    meta.versions.push(v);
    meta.lastUsed = this.now();
    this.remember(`${id}/${v.version}`, t);
    const dir = this.opts.dir && join(this.opts.dir, id);
    if (dir) {
      await mkdir(dir, { recursive: true });
      await this.spill(id, v.version, t);
      await writeAtomic(join(dir, `v${v.version}.png`), png);
      await writeAtomic(join(dir, 'meta.json'), JSON.stringify(meta));
    }
  }

  /** Writes a trajectory file, then trims the disk tier to its budget (LRU). */
  private async spill(id: string, version: number, t: Trajectory): Promise<void> {
    const bytes = encodeTrajectory(t);
    await writeAtomic(join(this.opts.dir!, id, `v${version}.traj`), bytes);
    const key = `${id}/${version}`;
    this.noteSpilled(key, bytes.length);
    for (const [old, size] of this.spilled) {
      if (this.spilledBytes <= (this.opts.diskBytes ?? 4 * 2 ** 30) || old === key) break;
      const [oldId, oldVersion] = old.split('/');
      await rm(join(this.opts.dir!, oldId, `v${oldVersion}.traj`), { force: true }); // its recipe stays: replay
      this.spilled.delete(old);
      this.spilledBytes -= size;
    }
  }

  private noteSpilled(key: string, bytes: number): void {
    this.spilledBytes += bytes - (this.spilled.get(key) ?? 0);
    this.spilled.delete(key);
    this.spilled.set(key, bytes);
  }

  get bytesOnDisk(): number {
    return this.spilledBytes;
  }

  /** The session's metadata; NOT_FOUND when unknown or expired. */
  meta(id: string): SessionMeta {
    const meta = this.metas.get(id);
    if (!meta || this.expired(meta)) throw notFound(`session "${id}"`);
    meta.lastUsed = this.now();
    return meta;
  }

  version(id: string, version?: number): VersionMeta {
    const meta = this.meta(id);
    const v = version === undefined ? meta.versions.at(-1) : meta.versions.find((x) => x.version === version);
    if (!v) throw notFound(`version ${version} of session "${id}"`);
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
    };
  }

  /** The session's portable state: recipe and versions, no caches (JSON bytes). */
  state(id: string): Uint8Array {
    const { recipe, versions, createdAt } = this.meta(id);
    return new TextEncoder().encode(JSON.stringify({ id, recipe, versions, createdAt }));
  }

  /**
   * Takes over a session from its portable state (re-homing): recipe and
   * versions only; every trajectory is rebuilt by replay when first needed.
   */
  async adopt(bytes: Uint8Array): Promise<SessionMeta> {
    const parsed = portableState.safeParse(parseJson(bytes));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EngineError(
        'INVALID_ARGUMENT',
        `restore_state: ${issue.path.join('.')}: ${issue.message}`,
        'restore_state',
      );
    }
    const now = this.now();
    // The sampler re-validates every recipe and edit setting when it replays them.
    const meta = { ...(parsed.data as unknown as Omit<SessionMeta, 'lastUsed'>), lastUsed: now };
    this.metas.set(meta.id, meta);
    if (this.opts.dir) {
      await mkdir(join(this.opts.dir, meta.id), { recursive: true });
      await writeAtomic(join(this.opts.dir, meta.id, 'meta.json'), JSON.stringify(meta));
    }
    return meta;
  }

  has(id: string): boolean {
    const meta = this.metas.get(id);
    return meta !== undefined && !this.expired(meta);
  }

  /** The version's trajectory from memory or disk; null when it must be rebuilt. */
  async trajectory(id: string, version: number): Promise<Trajectory | null> {
    const key = `${id}/${version}`;
    const hot = this.hot.get(key);
    if (hot) {
      this.hot.delete(key);
      this.hot.set(key, hot);
      return hot.t;
    }
    if (!this.opts.dir) return null;
    const path = join(this.opts.dir, id, `v${version}.traj`);
    if (!existsSync(path)) return null;
    try {
      const t = await readTrajectory(path);
      this.remember(key, t);
      const size = this.spilled.get(key);
      if (size !== undefined) this.noteSpilled(key, size); // recently used
      return t;
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      await rm(path, { force: true }); // corrupt: dropped and rebuilt, never served
      this.spilledBytes -= this.spilled.get(key) ?? 0;
      this.spilled.delete(key);
      return null;
    }
  }

  /** Puts a rebuilt trajectory back (memory and disk). */
  async restore(id: string, version: number, t: Trajectory): Promise<void> {
    this.remember(`${id}/${version}`, t);
    if (this.opts.dir) await this.spill(id, version, t);
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
    for (const [key, size] of [...this.spilled]) {
      if (!key.startsWith(`${id}/`)) continue;
      this.spilled.delete(key);
      this.spilledBytes -= size;
    }
    if (this.opts.dir) await rm(join(this.opts.dir, id), { recursive: true, force: true });
  }

  private remember(key: string, t: Trajectory): void {
    this.forget(key);
    const bytes = trajectoryBytes(t);
    this.hot.set(key, { t, bytes });
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
