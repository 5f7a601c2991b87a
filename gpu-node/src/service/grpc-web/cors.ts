/**
 * CORS for browser gRPC-Web clients. The node token travels in a header,
 * not a cookie, so any origin may call; the token still decides.
 */
import type { ServerResponse } from 'node:http';
import { RETRY_AFTER_KEY } from '@ras/shared';

const ALLOW_HEADERS = 'authorization, content-type, grpc-timeout, x-grpc-web, x-user-agent, grpc-accept-encoding';
const EXPOSE_HEADERS = `grpc-status, grpc-message, ${RETRY_AFTER_KEY}`;

/** Sets the CORS headers every gRPC-Web response carries. */
export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
}

/** Answers a CORS preflight (OPTIONS). */
export function answerPreflight(res: ServerResponse): void {
  setCorsHeaders(res);
  res.writeHead(204, {
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': ALLOW_HEADERS,
    'access-control-max-age': '86400',
  });
  res.end();
}
