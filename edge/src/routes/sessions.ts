/**
 * `/v1/sessions/{id}` (docs/design.md#http-api): describe, delete, and edit a region.
 * Edits go to the node that holds the session; when it cannot be reached the
 * next node by rendezvous hashing that runs the session's backend (or, when
 * none is reachable, the next one, with a warning) adopts the session from
 * the state the directory kept (EditRequest.restore_state) and rebuilds it
 * by replay (docs/sessions.md, "Re-homing").
 */
import { Status } from '@ras/shared';
import { editRequestSchema } from '@ras/shared/http';
import { Hono } from 'hono';
import { ApiError } from '../errors';
import { jsonBody, limitBody } from '../middleware/json-body';
import { backendWarning, fromProtoBackend } from '../nodes/backends';
import { nodeClient } from '../nodes/pool';
import { editRoute } from '../nodes/rehome';
import { toEditRecipe, toEditRequest } from '../run/convert';
import { toComplete } from '../run/events';
import { openOnFirst } from '../run/open';
import { respond, WARNING_HEADER, wantsStream } from '../run/respond';
import { ownedSession } from '../sessions/access';
import { toSessionView } from '../sessions/record';
import type { AppEnv } from '../types';
import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES, UNARY_TIMEOUT_MS } from './limits';

/** Only an unreachable owner moves the session: a busy one keeps it (503, retry). */
const MOVE_ON = [Status.UNAVAILABLE];

export const sessions = new Hono<AppEnv>()
  .get('/:id', async (c) => {
    const { record } = await ownedSession(c, c.req.param('id'));
    return c.json(toSessionView(record));
  })
  .delete('/:id', async (c) => {
    const { stub, record } = await ownedSession(c, c.req.param('id'));
    try {
      await nodeClient(c.env, record.node).deleteSession(
        { sessionId: record.sessionId },
        { timeoutMs: UNARY_TIMEOUT_MS },
      );
    } catch (e) {
      // The node may be gone or have dropped it already; its caches expire by TTL either way.
      console.warn(`edge: delete of ${record.sessionId} on ${record.node}: ${(e as Error).message}`);
    }
    await stub.remove();
    return c.body(null, 204);
  })
  .post('/:id/edits', limitBody(MAX_BODY_BYTES), async (c) => {
    const started = Date.now();
    const { stub, record } = await ownedSession(c, c.req.param('id'));
    const body = await jsonBody(c, editRequestSchema);
    if (body.version !== undefined && !record.versions.some((v) => v.version === body.version))
      throw new ApiError(404, 'not_found', `version: ${body.version} is not a version of this session`);
    const edit = toEditRecipe(body);
    const request = toEditRequest(record.sessionId, edit, record.state, body.preview);
    const upstream = new AbortController();
    const call = { signal: upstream.signal, timeoutMs: body.timeoutMs ?? DEFAULT_TIMEOUT_MS };
    const route = editRoute(c.env, { ...record, model: record.recipe.model }, upstream.signal);
    const opened = await openOnFirst(route.nodes, (node) => nodeClient(c.env, node).edit(request, call), MOVE_ON);
    const moved = opened.node !== record.node;
    const expected = moved ? backendWarning(record.backend, route.backendOf(opened.node), true) : null;
    if (expected) c.header(WARNING_HEADER, expected);
    return respond(c, opened, {
      stream: wantsStream(c, body.stream),
      upstream,
      async finish(result) {
        const parent = body.version ?? record.versions.at(-1)!.version;
        const version = { version: result.version, parent, edit, createdAt: Date.now() };
        const backend = fromProtoBackend(result.backend);
        await stub.addVersion(version, result.sessionState, opened.node, backend);
        // The node says what it ran on; the header said what the edge expected when it chose the node.
        const warning = backendWarning(record.backend, backend, moved);
        return toComplete(result, Date.now() - started, moved, warning);
      },
    });
  });
