/**
 * The sessions' disk tier (docs/sessions.md): one directory per session with
 * `meta.json` (`meta-file.ts`), `v<k>.png` and `v<k>.traj`, every file written atomically.
 * Trajectory files stay under a byte budget, least recently used dropped
 * first; a dropped, missing or corrupt one reads as absent (the engine replays).
 * Every path is built from a checked session id (`session-id.ts`), so nothing
 * outside `dir` is ever written or deleted.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Trajectory } from '../../sampler/trajectory';
import { decodeMeta, encodeMeta } from './meta-file';
import { isSessionId } from './session-id';
import { CorruptFileError, encodeTrajectory, readTrajectory, writeAtomic } from './trajectory-file';
import type { SessionMeta } from './types';

export class DiskTier {
  /** Trajectory files by "id/version" → bytes; Map order is use order. */
  private readonly files = new Map<string, number>();
  private total = 0;

  constructor(
    readonly dir: string,
    readonly budgetBytes: number,
  ) {}

  get bytes(): number {
    return this.total;
  }

  /** Every readable session's metadata; unreadable session directories are deleted, other entries left alone. */
  async scan(): Promise<SessionMeta[]> {
    await mkdir(this.dir, { recursive: true });
    const metas: SessionMeta[] = [];
    for (const id of await readdir(this.dir)) {
      if (!isSessionId(id)) continue; // not ours
      try {
        const meta = decodeMeta(await readFile(join(this.dir, id, 'meta.json'), 'utf8'));
        if (meta.id !== id) throw new Error('meta of another session');
        for (const file of await readdir(join(this.dir, id))) {
          const m = /^v(\d+)\.traj$/.exec(file);
          if (m) this.note(`${id}/${m[1]}`, (await stat(join(this.dir, id, file))).size);
        }
        metas.push(meta);
      } catch {
        await rm(join(this.dir, id), { recursive: true, force: true }); // unreadable: drop, never serve
      }
    }
    return metas;
  }

  async writeMeta(meta: SessionMeta): Promise<void> {
    await mkdir(this.sessionDir(meta.id), { recursive: true });
    await writeAtomic(join(this.sessionDir(meta.id), 'meta.json'), encodeMeta(meta));
  }

  async writePng(id: string, version: number, png: Uint8Array): Promise<void> {
    await writeAtomic(join(this.sessionDir(id), `v${version}.png`), png);
  }

  /** The version's PNG, or null when absent (sessions adopted from a state have none). */
  async readPng(id: string, version: number): Promise<Uint8Array | null> {
    const path = join(this.sessionDir(id), `v${version}.png`);
    return existsSync(path) ? new Uint8Array(await readFile(path)) : null;
  }

  /** Writes a trajectory file, then trims the tier to its budget (LRU). */
  async writeTrajectory(id: string, version: number, t: Trajectory): Promise<void> {
    const bytes = encodeTrajectory(t);
    await mkdir(this.sessionDir(id), { recursive: true });
    await writeAtomic(this.path(id, version), bytes);
    const key = `${id}/${version}`;
    this.note(key, bytes.length);
    for (const [old, size] of this.files) {
      if (this.total <= this.budgetBytes || old === key) break;
      const [oldId, oldVersion] = old.split('/');
      await rm(this.path(oldId, Number(oldVersion)), { force: true }); // its recipe stays: replay
      this.forget(old, size);
    }
  }

  /** The trajectory, or null when absent, trimmed or corrupt (a corrupt file is deleted). */
  async readTrajectory(id: string, version: number): Promise<Trajectory | null> {
    const key = `${id}/${version}`;
    const path = this.path(id, version);
    if (!existsSync(path)) return null;
    try {
      const t = await readTrajectory(path);
      const size = this.files.get(key);
      if (size !== undefined) this.note(key, size); // recently used
      return t;
    } catch (e) {
      if (!(e instanceof CorruptFileError)) throw e;
      await rm(path, { force: true }); // corrupt: dropped and rebuilt, never served
      this.forget(key, this.files.get(key) ?? 0);
      return null;
    }
  }

  async drop(id: string): Promise<void> {
    for (const [key, size] of [...this.files]) if (key.startsWith(`${id}/`)) this.forget(key, size);
    await rm(this.sessionDir(id), { recursive: true, force: true });
  }

  /** The session's directory; throws for anything but a session id (a bug upstream, never a path trick). */
  private sessionDir(id: string): string {
    if (!isSessionId(id)) throw new Error('refusing a path for a malformed session id');
    return join(this.dir, id);
  }

  private path(id: string, version: number): string {
    return join(this.sessionDir(id), `v${version}.traj`);
  }

  private note(key: string, bytes: number): void {
    this.total += bytes - (this.files.get(key) ?? 0);
    this.files.delete(key);
    this.files.set(key, bytes);
  }

  private forget(key: string, bytes: number): void {
    if (this.files.delete(key)) this.total -= bytes;
  }
}
