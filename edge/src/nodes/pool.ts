/**
 * The configured GPU nodes (`GPU_NODES`, comma-separated gRPC-Web base
 * URLs) and clients for them carrying the node token (docs/design.md#grpc-api).
 */
import { RasWebClient } from '@ras/shared';
import { ApiError } from '../errors';

/** The node URLs, in configuration order; 503 when none is configured. */
export function nodeUrls(env: Env): string[] {
  const urls = (env.GPU_NODES ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  if (urls.length === 0) throw new ApiError(503, 'unavailable', 'no GPU nodes configured (GPU_NODES)');
  return urls;
}

/** A gRPC-Web client for `url` that authenticates with NODE_TOKEN. */
export function nodeClient(env: Env, url: string): RasWebClient {
  return new RasWebClient(url, { token: env.NODE_TOKEN });
}
