/**
 * Sessions: the recipe of a generation and its versions. In memory for now;
 * trajectory caches and the disk spill build on this.
 */
import { randomUUID } from 'node:crypto';
import { EngineError, type GenerateParams, type SessionInfo } from './types';

export interface Session {
  id: string;
  recipe: GenerateParams;
  versions: { version: number; png: Uint8Array }[];
  createdAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(recipe: GenerateParams, png: Uint8Array): Session {
    const session = { id: randomUUID(), recipe, versions: [{ version: 1, png }], createdAt: Date.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new EngineError('NOT_FOUND', `session "${id}" not found`, 'session_id');
    return s;
  }

  info(id: string): SessionInfo {
    const s = this.get(id);
    return {
      sessionId: s.id,
      model: s.recipe.model,
      versions: s.versions.map((v) => v.version),
      recipe: s.recipe,
      createdAt: s.createdAt,
    };
  }

  delete(id: string): void {
    this.get(id);
    this.sessions.delete(id);
  }
}
