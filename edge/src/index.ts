/**
 * The edge worker's entry point (wrangler.toml `main`): the Hono app, and the
 * Durable Object class the SESSIONS binding names. Static assets (the web
 * page, edge/public) are served by the ASSETS binding before the worker runs.
 */
import { createApp } from './app';

export { SessionDirectory } from './sessions/directory';

export default createApp();
