/** The session directory Durable Object: one record per session, versions in order. */
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SessionDirectory } from '../../../edge/src/sessions/directory';
import type { SessionRecord } from '../../../edge/src/sessions/record';

const bytes = (s: string) => new TextEncoder().encode(s);
const record = (id: string): SessionRecord => ({
  sessionId: id,
  ownerKeyHash: 'h',
  node: 'http://a',
  recipe: { model: 'm', condition: { classId: 1 }, seed: 3 },
  versions: [{ version: 1, createdAt: 1 }],
  state: bytes('v1'),
  createdAt: 1,
});
const stubOf = (id: string) => env.SESSIONS.get(env.SESSIONS.idFromName(id)) as DurableObjectStub<SessionDirectory>;

describe('the session directory', () => {
  it('keeps the first record of a session', async () => {
    const stub = stubOf('d-first');
    await stub.create(record('d-first'));
    await stub.create({ ...record('d-first'), ownerKeyHash: 'someone else' });
    expect((await stub.read())?.ownerKeyHash).toBe('h');
  });

  it('keeps versions in order and the state of the newest one', async () => {
    const stub = stubOf('d-order');
    await stub.create(record('d-order'));
    await stub.addVersion({ version: 3, parent: 2, createdAt: 3 }, bytes('v3'), 'http://b');
    await stub.addVersion({ version: 2, parent: 1, createdAt: 2 }, bytes('v2'), 'http://b');
    const r = (await stub.read())!;
    expect(r.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(r.state)).toBe('v3');
    expect(r.node).toBe('http://b');
  });

  it('does not invent a session by adding a version to nothing', async () => {
    const stub = stubOf('d-none');
    expect(await stub.addVersion({ version: 2, createdAt: 2 }, bytes('x'), 'http://b')).toBeNull();
    await runInDurableObject(stub, async (_o, state) => expect(await state.storage.get('session')).toBeUndefined());
  });

  it('forgets everything on remove', async () => {
    const stub = stubOf('d-remove');
    await stub.create(record('d-remove'));
    await stub.remove();
    expect(await stub.read()).toBeNull();
  });
});
