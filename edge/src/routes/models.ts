/**
 * `GET /v1/models`: the models the GPU nodes serve, from the first node that
 * answers in a fixed rendezvous order (every node of a fleet serves the same models).
 */
import { GrpcWebError, Status } from '@ras/shared';
import type { ModelsView } from '@ras/shared/http';
import { Hono } from 'hono';
import { ApiError } from '../errors';
import { nodeClient, nodeUrls } from '../nodes/pool';
import { rendezvous } from '../nodes/rendezvous';
import { fromNodeError } from '../nodes/status-map';
import type { AppEnv } from '../types';
import { UNARY_TIMEOUT_MS } from './limits';

const MODELS_KEY = 'models';

export const models = new Hono<AppEnv>().get('/', async (c) => {
  const failures: string[] = [];
  for (const node of rendezvous(MODELS_KEY, nodeUrls(c.env))) {
    try {
      const reply = await nodeClient(c.env, node).listModels({ timeoutMs: UNARY_TIMEOUT_MS });
      const view: ModelsView = {
        models: reply.models.map((m) => ({
          name: m.name,
          labels: m.labels,
          width: m.width,
          height: m.height,
          patch: m.patch,
          recommendedSteps: m.recommendedSteps,
          recommendedGuidance: m.recommendedGuidance,
        })),
      };
      return c.json(view);
    } catch (e) {
      if (!(e instanceof GrpcWebError) || e.code !== Status.UNAVAILABLE) throw fromNodeError(e);
      failures.push(`${node}: ${e.message}`);
    }
  }
  throw new ApiError(503, 'unavailable', `no GPU node answered (${failures.join('; ')})`, { 'retry-after': '1' });
});
