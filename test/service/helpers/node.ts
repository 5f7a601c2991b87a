/**
 * A GPU node for the service tests: the real engine on the committed tiny
 * model, both transports bound to loopback ports the OS picks.
 */
import type { Server as HttpServer } from 'node:http';
import type * as grpc from '@grpc/grpc-js';
import { createEngine, type EngineOptions } from '../../../gpu-node/src/engine/engine';
import type { Engine } from '../../../gpu-node/src/engine/types';
import { createServer } from '../../../gpu-node/src/service/grpc/server';
import { createGrpcWebServer } from '../../../gpu-node/src/service/grpc-web/server';
import { closeServers, listenGrpc, listenHttp } from '../../../gpu-node/src/service/listen';

export const TOKEN = 'test-node-token';

/** A running node: addresses, the engine behind it, and how to stop it. */
export interface TestNode {
  grpcTarget: string;
  webUrl: string;
  engine: Engine;
  close(): Promise<void>;
}

/** The real engine on test-tiny, one sampling at a time by default. */
export function tinyEngine(opts: EngineOptions = {}) {
  return createEngine({ maxConcurrent: 1, maxQueue: 4, runtime: { intraOpThreads: 1 }, ...opts });
}

/** Starts both transports over `engine` on 127.0.0.1, ports chosen by the OS. */
export async function startNode(engine: Engine, token: string | undefined = TOKEN): Promise<TestNode> {
  const errors: unknown[] = [];
  const deps = { engine, token, log: (e: unknown) => errors.push(e) };
  const grpcServer: grpc.Server = createServer(deps);
  const web: HttpServer = createGrpcWebServer(deps);
  const port = await listenGrpc(grpcServer, '127.0.0.1', 0);
  const webPort = await listenHttp(web, '127.0.0.1', 0);
  return {
    grpcTarget: `127.0.0.1:${port}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    engine,
    close: () => closeServers(grpcServer, web, 1000),
  };
}
