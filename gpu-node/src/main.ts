/**
 * The GPU node process: configuration from the environment, the engine, and
 * both transports (native gRPC, gRPC-Web) on their ports. One line when
 * ready; SIGINT / SIGTERM drain and exit.
 */
import { createEngine } from './engine/engine';
import { readConfig } from './service/config';
import { createServer } from './service/grpc/server';
import { createGrpcWebServer } from './service/grpc-web/server';
import { closeServers, listenGrpc, listenHttp } from './service/listen';

async function main(): Promise<void> {
  const config = readConfig();
  const { maxConcurrent, maxQueue, cacheDir, executionProviders, intraOpThreads } = config;
  const engine = await createEngine({
    maxConcurrent,
    maxQueue,
    sessions: { dir: cacheDir },
    runtime: { executionProviders, intraOpThreads },
  });
  const deps = { engine, token: config.token, log: (e: unknown) => console.error('gpu-node:', e) };
  const grpcServer = createServer(deps);
  const webServer = createGrpcWebServer(deps);
  const port = await listenGrpc(grpcServer, config.host, config.port);
  const webPort = await listenHttp(webServer, config.host, config.webPort);
  const auth = config.token ? 'token auth' : 'NO AUTH (set RAS_NODE_TOKEN)';
  const eps = executionProviders.join('+');
  console.log(
    `gpu-node ready: grpc ${config.host}:${port}, grpc-web http://${config.host}:${webPort}, ${eps}, ${auth}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`gpu-node: ${signal}, shutting down`);
    closeServers(grpcServer, webServer).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error('gpu-node failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
