/**
 * The edge worker's HTTP API (docs/design.md#http-api) as a Hono app. Built in a
 * function so tests construct it without the runtime's entry point.
 */
import { Hono } from 'hono';
import { ApiError, onError } from './errors';
import { apiKeyAuth } from './middleware/api-key';
import { rateLimit } from './middleware/rate-limit';
import { nodeUrls } from './nodes/pool';
import { generations } from './routes/generations';
import { RATE_PERIOD_S } from './routes/limits';
import { models } from './routes/models';
import { sessions } from './routes/sessions';
import type { AppEnv } from './types';

/** The worker's app: `/healthz`, and `/v1/*` behind API keys and the rate limit. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok', nodes: nodeUrls(c.env).length }));
  app.use('/v1/*', apiKeyAuth(), rateLimit({ periodS: RATE_PERIOD_S }));
  app.route('/v1/generations', generations);
  app.route('/v1/sessions', sessions);
  app.route('/v1/models', models);
  app.notFound((c) => {
    throw new ApiError(404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`);
  });
  app.onError(onError);
  return app;
}
