/** `POST /v1/generations` (docs/design.md#http-api): a new image and a new session. */
import { Status } from '@ras/shared';
import { type GenerationRequest, generationRequestSchema } from '@ras/shared/http';
import { Hono } from 'hono';
import { jsonBody, limitBody } from '../middleware/json-body';
import { fromProtoBackend } from '../nodes/backends';
import { fetchModels, sizeWarning } from '../nodes/models';
import { nodeClient, nodeUrls } from '../nodes/pool';
import { rendezvous } from '../nodes/rendezvous';
import { toGenerateRequest, toRecipe } from '../run/convert';
import { toComplete } from '../run/events';
import { openOnFirst } from '../run/open';
import { respond, WARNING_HEADER, wantsStream } from '../run/respond';
import { directoryOf } from '../sessions/directory';
import type { AppEnv } from '../types';
import { DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES } from './limits';

/** A busy or unreachable node is skipped: nothing has run yet, so another node may take it. */
const MOVE_ON = [Status.UNAVAILABLE, Status.RESOURCE_EXHAUSTED];

/** How long a generation's answer may wait for its size warning (a lookup beside the run, normally done first). */
const WARNING_LOOKUP_MS = 1000;

/** The size warning for a generation, asked of the nodes beside it; none when they cannot say in time. */
async function warningFor(env: Env, body: GenerationRequest, signal: AbortSignal): Promise<string | null> {
  try {
    const { models } = await fetchModels(env, { timeoutMs: WARNING_LOOKUP_MS, signal });
    const model = models.find((m) => m.name === body.model);
    return model ? sizeWarning(model, body.width, body.height) : null;
  } catch {
    return null;
  }
}

export const generations = new Hono<AppEnv>().post('/', limitBody(MAX_BODY_BYTES), async (c) => {
  const started = Date.now();
  const body = await jsonBody(c, generationRequestSchema);
  const recipe = toRecipe(body);
  const request = toGenerateRequest(recipe, body.preview);
  const upstream = new AbortController();
  const call = { signal: upstream.signal, timeoutMs: body.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  // A random key spreads new sessions over the nodes; the order is the fallback order.
  const nodes = rendezvous(crypto.randomUUID(), nodeUrls(c.env));
  const lookup = new AbortController();
  const warning = warningFor(c.env, body, lookup.signal);
  let opened: Awaited<ReturnType<typeof openOnFirst>>;
  try {
    opened = await openOnFirst(nodes, (node) => nodeClient(c.env, node).generate(request, call), MOVE_ON);
  } catch (e) {
    lookup.abort(); // a refusal answers now; the lookup must not outlive the request
    await warning;
    throw e;
  }
  const text = await warning;
  if (text) c.header(WARNING_HEADER, text);
  return respond(c, opened, {
    stream: wantsStream(c, body.stream),
    upstream,
    async finish(result) {
      const now = Date.now();
      await directoryOf(c.env, result.sessionId).create({
        sessionId: result.sessionId,
        ownerKeyHash: c.get('keyHash'),
        node: opened.node,
        recipe,
        versions: [{ version: result.version, createdAt: now }],
        state: result.sessionState,
        backend: fromProtoBackend(result.backend),
        createdAt: now,
      });
      return toComplete(result, now - started, false, text);
    },
  });
});
