/**
 * Sessions through the edge (workerd, fake nodes): edits go to the owner
 * node carrying the re-homing state; an unreachable owner hands the session
 * to the next node by rendezvous rank; delete; other keys see nothing.
 */
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { ras } from '@ras/shared';
import type { CompleteEvent, SessionView } from '@ras/shared/http';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionDirectory } from '../../../edge/src/sessions/directory';
import type { SessionRecord } from '../../../edge/src/sessions/record';
import {
  answer,
  api,
  BOB,
  events,
  grpcWebBody,
  installFakeNodes,
  modelsReply,
  NODE_A,
  NODE_B,
  post,
  resetFakeNodes,
  resultEvent,
  runEvents,
  unreachable,
} from './fake-node';

const EDIT = { rects: [{ x: 0, y: 0, width: 4, height: 4 }], seed: 5, margin: 0 };

const CPU = { provider: 'cpu', attention: 'unfused', dtype: 'float32' };
const GPU = { provider: 'webgpu', attention: 'fused', dtype: 'float32' };

/** Makes session `id` through the edge, sampled on `backend` (none: nodes that do not say); returns its node. */
async function generated(id: string, backend?: ras.v1.Backend.$Properties): Promise<string> {
  answer(NODE_A, 'Generate', grpcWebBody(runEvents(id, 1, backend)));
  answer(NODE_B, 'Generate', grpcWebBody(runEvents(id, 1, backend)));
  expect((await post('/v1/generations', { model: 'test-tiny', condition: { classId: 1 } })).status).toBe(200);
  return (await record(id)).node;
}

function record(id: string): Promise<SessionRecord> {
  const stub = env.SESSIONS.get(env.SESSIONS.idFromName(id)) as DurableObjectStub<SessionDirectory>;
  return runInDurableObject(stub, async (_o, state) => (await state.storage.get<SessionRecord>('session'))!);
}

const other = (node: string) => (node === NODE_A ? NODE_B : NODE_A);

describe('session edits', () => {
  beforeAll(installFakeNodes);
  beforeEach(resetFakeNodes);

  it('sends an edit to the owner node with the recorded state, and records version 2', async () => {
    const owner = await generated('s-edit');
    const received = answer(owner, 'Edit', grpcWebBody(events(resultEvent('s-edit', 2))));
    const res = await post('/v1/sessions/s-edit/edits', EDIT);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sessionId: 's-edit', version: 2, rehomed: false });
    const req = ras.v1.EditRequest.decode(received[0].body);
    expect(req).toMatchObject({
      sessionId: 's-edit',
      seed: 5,
      margin: 0,
      rects: [{ x: 0, y: 0, width: 4, height: 4 }],
    });
    expect(new TextDecoder().decode(req.restoreState!)).toBe('state-s-edit-v1');
    const view = await (await api('/v1/sessions/s-edit')).json<SessionView>();
    expect(view.versions).toMatchObject([{ version: 1 }, { version: 2, parent: 1, edit: EDIT }]);
    expect(new TextDecoder().decode((await record('s-edit')).state)).toBe('state-s-edit-v2');
  });

  it('re-homes the session on the next node when the owner cannot be reached', async () => {
    const owner = await generated('s-move');
    unreachable(owner, 'Edit');
    const received = answer(other(owner), 'Edit', grpcWebBody(events(resultEvent('s-move', 2))));
    const res = await post('/v1/sessions/s-move/edits', EDIT, { headers: { accept: 'text/event-stream' } });
    // Nodes that record no backend: nothing to prefer, and the answer says the pixels may differ.
    expect(res.headers.get('x-ras-warning')).toMatch(/before nodes recorded their backend.*may differ/);
    const complete = (await res.text()).split('data: ').at(-1)!;
    expect(JSON.parse(complete) as CompleteEvent).toMatchObject({ version: 2, rehomed: true });
    expect(new TextDecoder().decode(ras.v1.EditRequest.decode(received[0].body).restoreState!)).toBe('state-s-move-v1');
    expect((await record('s-move')).node).toBe(other(owner));
  });

  it('moves the session to a node on its backend without a warning, and records that backend', async () => {
    const owner = await generated('s-same', CPU);
    expect((await record('s-same')).backend).toEqual(CPU);
    unreachable(owner, 'Edit');
    const asked = answer(other(owner), 'ListModels', modelsReply(CPU));
    answer(other(owner), 'Edit', grpcWebBody(events(resultEvent('s-same', 2, undefined, CPU))));
    const res = await post('/v1/sessions/s-same/edits', EDIT);
    expect(res.status).toBe(200);
    expect(asked).toHaveLength(1);
    expect(res.headers.get('x-ras-warning')).toBeNull();
    const complete = await res.json<CompleteEvent>();
    expect(complete).toMatchObject({ version: 2, rehomed: true });
    expect(complete.warning).toBeUndefined();
    expect(await record('s-same')).toMatchObject({ node: other(owner), backend: CPU });
  });

  it('moves it to another backend with a warning when no reachable node runs its own, in JSON and SSE', async () => {
    for (const [id, accept] of [
      ['s-cross-json', 'application/json'],
      ['s-cross-sse', 'text/event-stream'],
    ]) {
      resetFakeNodes(); // the other node's unused Generate answer of the round before
      const owner = await generated(id, CPU);
      unreachable(owner, 'Edit');
      answer(other(owner), 'ListModels', modelsReply(GPU));
      answer(other(owner), 'Edit', grpcWebBody(events(resultEvent(id, 2, undefined, GPU))));
      const res = await post(`/v1/sessions/${id}/edits`, EDIT, { headers: { accept } });
      expect(res.status).toBe(200);
      const warning = res.headers.get('x-ras-warning');
      expect(warning).toMatch(/sampled on cpu\/unfused\/float32, which no reachable node runs.*webgpu\/fused\/float32/);
      const text = await res.text();
      const complete = JSON.parse(
        accept === 'text/event-stream' ? text.split('data: ').at(-1)! : text,
      ) as CompleteEvent;
      expect(complete).toMatchObject({ version: 2, rehomed: true, warning });
      expect(await record(id)).toMatchObject({ node: other(owner), backend: GPU });
    }
  });

  it('keeps the session on a busy owner and answers 503 with Retry-After', async () => {
    const owner = await generated('s-busy');
    answer(owner, 'Edit', grpcWebBody([], 8, 'queue full', { 'retry-after-ms': '1200' }));
    const res = await post('/v1/sessions/s-busy/edits', EDIT);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await record('s-busy')).node).toBe(owner);
  });

  it('answers 409 for a session at its version limit, and 502 naming the state key for a refused state', async () => {
    const owner = await generated('s-limits');
    answer(owner, 'Edit', grpcWebBody([], 9, 'session_id: the session has its 32 versions'));
    const full = await post('/v1/sessions/s-limits/edits', EDIT);
    expect(full.status).toBe(409);
    expect(await full.json()).toEqual({
      error: { code: 'failed_precondition', message: 'session_id: the session has its 32 versions' },
    });
    answer(owner, 'Edit', grpcWebBody([], 7, 'restore_state: not signed by this node fleet'));
    const refused = await post('/v1/sessions/s-limits/edits', EDIT);
    expect(refused.status).toBe(502);
    expect((await refused.json<{ error: { message: string } }>()).error.message).toMatch(
      /RAS_STATE_KEY.*not signed by this node fleet/,
    );
  });

  it('answers 404 for a version the session does not have', async () => {
    await generated('s-version');
    const res = await post('/v1/sessions/s-version/edits', { ...EDIT, version: 7 });
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/^version: 7/);
  });

  it('requires exactly one of rects and mask', async () => {
    await generated('s-region');
    const res = await post('/v1/sessions/s-region/edits', { seed: 1 });
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/^rects: give rects or mask/);
  });

  it('does not let another key edit, read or delete the session', async () => {
    await generated('s-private');
    expect((await post('/v1/sessions/s-private/edits', EDIT, { key: BOB })).status).toBe(404);
    expect((await api('/v1/sessions/s-private', { key: BOB })).status).toBe(404);
    expect((await api('/v1/sessions/s-private', { key: BOB, method: 'DELETE' })).status).toBe(404);
    expect((await api('/v1/sessions/s-private')).status).toBe(200);
  });

  it('deletes the session on its node and forgets it', async () => {
    const owner = await generated('s-gone');
    const received = answer(owner, 'DeleteSession', grpcWebBody([ras.v1.DeleteSessionResponse.encode({}).finish()]));
    expect((await api('/v1/sessions/s-gone', { method: 'DELETE' })).status).toBe(204);
    expect(ras.v1.DeleteSessionRequest.decode(received[0].body).sessionId).toBe('s-gone');
    expect((await api('/v1/sessions/s-gone')).status).toBe(404);
  });

  it('forgets a session even when its node is gone', async () => {
    const owner = await generated('s-orphan');
    unreachable(owner, 'DeleteSession');
    expect((await api('/v1/sessions/s-orphan', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/v1/sessions/s-orphan')).status).toBe(404);
  });
});
