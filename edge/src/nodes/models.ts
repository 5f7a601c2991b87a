/**
 * The models the GPU nodes serve, from the first node that answers in a fixed
 * rendezvous order (every node of a fleet serves the same models).
 */
import { GrpcWebError, Status } from '@ras/shared';
import type { ModelsView, ModelView } from '@ras/shared/http';
import { ApiError } from '../errors';
import { UNARY_TIMEOUT_MS } from '../routes/limits';
import { nodeClient, nodeUrls } from './pool';
import { rendezvous } from './rendezvous';
import { fromNodeError } from './status-map';

const MODELS_KEY = 'models';

/** `GET /v1/models`'s answer; a 503 ApiError when no node answers. `call` bounds or cancels each node call. */
export async function fetchModels(
  env: Env,
  call: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ModelsView> {
  const failures: string[] = [];
  for (const node of rendezvous(MODELS_KEY, nodeUrls(env))) {
    try {
      const reply = await nodeClient(env, node).listModels({ timeoutMs: UNARY_TIMEOUT_MS, ...call });
      return {
        models: reply.models.map((m) => ({
          name: m.name,
          labels: m.labels,
          width: m.width,
          height: m.height,
          patch: m.patch,
          recommendedSteps: m.recommendedSteps,
          recommendedGuidance: m.recommendedGuidance,
          prompted: m.prompted,
          sizes: m.sizes.map((s) => ({ width: s.width, height: s.height })),
        })),
      };
    } catch (e) {
      if (!(e instanceof GrpcWebError) || e.code !== Status.UNAVAILABLE) throw fromNodeError(e);
      failures.push(`${node}: ${e.message}`);
    }
  }
  throw new ApiError(503, 'unavailable', `no GPU node answered (${failures.join('; ')})`, { 'retry-after': '1' });
}

/**
 * Why a generation of `model` at `width`×`height` (absent: the default size)
 * may come out as noise, or null when the model serves that size well.
 */
export function sizeWarning(model: ModelView, width?: number, height?: number): string | null {
  const w = width ?? model.width;
  const h = height ?? model.height;
  if (model.sizes.some((s) => s.width === w && s.height === h)) return null;
  const served = model.sizes.map((s) => `${s.width}x${s.height}`).join(', ');
  return model.sizes.length === 0
    ? `${model.name} serves no size well (a test model): expect noise`
    : `${model.name} was not trained at ${w}x${h} and serves ${served} well: expect noise`;
}
