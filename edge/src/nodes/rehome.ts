/**
 * The nodes an edit tries (docs/design.md#scale, docs/sessions.md "Re-homing"):
 * the session's owner; only when it cannot be reached, the others by the
 * session's rendezvous rank, those that run its model on the backend that
 * sampled it first, so the replay there reproduces its pixels. Each node's
 * backend comes from its ListModels, asked of all of them at once.
 */
import { type Backend, fromProtoBackend, preferBackend } from './backends';
import { nodeClient, nodeUrls } from './pool';
import { rendezvous } from './rendezvous';

/** How long the edge waits for a node to say its backend; one that does not say counts as unknown. */
export const BACKEND_LOOKUP_MS = 2000;

/** The session as re-homing needs it. */
export interface Homed {
  sessionId: string;
  /** The node that holds it. */
  node: string;
  model: string;
  /** The backend that sampled its latest version (undefined: unknown). */
  backend?: Backend;
}

/** An edit's nodes, lazily: the backends are asked for only once the owner has failed. */
export interface EditRoute {
  nodes: AsyncIterable<string>;
  /** What the edge knows of `node`'s backend for the session's model (after it was asked). */
  backendOf(node: string): Backend | undefined;
}

/** Each of `nodes`' backend for `model`; undefined where a node did not answer in time or did not say. */
export async function lookupBackends(
  env: Env,
  model: string,
  nodes: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, Backend | undefined>> {
  const ask = (node: string) =>
    nodeClient(env, node)
      .listModels({ timeoutMs: BACKEND_LOOKUP_MS, signal })
      .then(
        (reply) => fromProtoBackend(reply.models.find((m) => m.name === model)?.backend),
        () => undefined,
      );
  return new Map(await Promise.all(nodes.map(async (n) => [n, await ask(n)] as const)));
}

/** The route of an edit of `session` over the configured nodes. */
export function editRoute(env: Env, session: Homed, signal?: AbortSignal): EditRoute {
  const configured = nodeUrls(env);
  const others = rendezvous(session.sessionId, configured).filter((n) => n !== session.node);
  let known = new Map<string, Backend | undefined>();
  async function* nodes(): AsyncGenerator<string> {
    if (configured.includes(session.node)) yield session.node;
    known = await lookupBackends(env, session.model, others, signal);
    yield* preferBackend(others, session.backend, (n) => known.get(n));
  }
  return {
    nodes: nodes(),
    backendOf: (node) => (node === session.node ? session.backend : known.get(node)),
  };
}
