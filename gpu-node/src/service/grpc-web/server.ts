/**
 * The gRPC-Web adapter (binary, grpc/doc/PROTOCOL-WEB.md) over plain HTTP/1.1
 * on its own port, same handler core as native gRPC. Each response message is
 * written as its own frame as soon as it exists; the status ends the body as
 * a trailers frame. A client that goes away aborts the engine call.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  encodeFrame,
  encodeGrpcMessage,
  encodeTrailers,
  FrameFlag,
  FrameReader,
  methodAt,
  parseGrpcTimeout,
  RasSamplerService,
  Status,
  type StatusCode,
} from '@ras/shared';
import { bearerAuth } from '../auth';
import { CallScope } from '../call-scope';
import { createHandlers, runCall } from '../core';
import type { ServiceDeps } from '../grpc/server';
import { type RpcError, toRpcError } from '../status';
import { answerPreflight, setCorsHeaders } from './cors';

const CONTENT_TYPES = new Set(['application/grpc-web', 'application/grpc-web+proto']);
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const failure = (code: StatusCode, message: string): RpcError => ({ code, message, trailers: {} });

/** Reads the request body's single message frame (or says what is wrong with it). */
async function readMessage(req: IncomingMessage): Promise<Uint8Array | RpcError> {
  const reader = new FrameReader(MAX_REQUEST_BYTES);
  const frames = [];
  try {
    for await (const chunk of req) frames.push(...reader.push(chunk as Buffer));
  } catch (e) {
    return failure(Status.INVALID_ARGUMENT, `request: ${(e as Error).message}`);
  }
  const data = frames.filter((f) => !(f.flags & FrameFlag.TRAILERS));
  if (data.length !== 1 || reader.pending) return failure(Status.INVALID_ARGUMENT, 'request: send one message frame');
  if (data[0].flags & FrameFlag.COMPRESSED)
    return failure(Status.UNIMPLEMENTED, 'compressed messages are not supported');
  return data[0].payload;
}

function trailers(err: RpcError | undefined): Uint8Array {
  if (!err) return encodeTrailers({ 'grpc-status': String(Status.OK) });
  return encodeTrailers({
    'grpc-status': String(err.code),
    'grpc-message': encodeGrpcMessage(err.message),
    ...err.trailers,
  });
}

/** Builds the gRPC-Web HTTP server without listening. */
export function createGrpcWebServer(deps: ServiceDeps): Server {
  const handlers = createHandlers(deps.engine);
  const check = bearerAuth(deps.token);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') return answerPreflight(res);
    setCorsHeaders(res);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (req.method !== 'POST' || !CONTENT_TYPES.has(contentType)) {
      res
        .writeHead(req.method === 'POST' ? 415 : 405, { 'content-type': 'text/plain' })
        .end('gRPC-Web (binary) only\n');
      return;
    }
    const timeoutMs = parseGrpcTimeout(req.headers['grpc-timeout'] as string | undefined);
    const scope = new CallScope(timeoutMs === undefined ? undefined : Date.now() + timeoutMs);
    res.on('close', () => {
      if (!res.writableFinished) scope.cancel(); // the client went away before the end
    });
    res.writeHead(200, {
      'content-type': contentType === 'application/grpc-web' ? contentType : 'application/grpc-web+proto',
    });
    const name = methodAt(RasSamplerService, req.url?.split('?')[0] ?? '');
    let err: RpcError | undefined;
    try {
      check(req.headers.authorization);
      const request = name ? await readMessage(req) : failure(Status.UNIMPLEMENTED, `unknown method ${req.url}`);
      const send = (b: Uint8Array) => res.write(encodeFrame(b));
      err = !(request instanceof Uint8Array)
        ? request
        : await runCall(handlers, name!, request, { ctx: { signal: scope.signal }, send, log: deps.log });
    } catch (e) {
      err = toRpcError(e, scope.signal, deps.log);
    } finally {
      scope.dispose();
    }
    if (!res.destroyed) res.end(trailers(err));
  }

  return createHttpServer((req, res) => {
    handle(req, res).catch((e) => {
      deps.log?.(e);
      res.destroy();
    });
  });
}
