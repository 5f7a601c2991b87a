/**
 * The GPU node process: configuration from the environment, the engine (every
 * model loaded before the node reports ready, so a broken execution provider
 * fails the start, not the first request), and both transports (native gRPC,
 * gRPC-Web) on their ports. One line when ready; SIGINT / SIGTERM turn health
 * to NOT_SERVING, drain running calls for the grace period and exit.
 */
import { statSync } from 'node:fs';
import { RasSamplerService } from '@ras/shared';
import { createEngine } from './engine/engine';
import { type AdapterInfo, probeWebGpuAdapter } from './runtime/adapter';
import { NoAdapterError } from './runtime/device-errors';
import { exactFlashAttention } from './runtime/limits';
import { readConfig } from './service/config';
import { createServer, servingHealth } from './service/grpc/server';
import { createGrpcWebServer } from './service/grpc-web/server';
import { closeServers, listenGrpc, listenHttp } from './service/listen';

/**
 * The GPU the WebGPU provider will use; the node does not start without one.
 * Where the probe itself cannot run (its Dawn binding missing), the node goes
 * on without the adapter's name and limits: onnxruntime still refuses to load
 * a model when there is no adapter.
 */
async function requireAdapter(): Promise<AdapterInfo | undefined> {
  const adapter = await probeWebGpuAdapter().catch((e: Error) => {
    console.error(
      `gpu-node: could not probe the WebGPU adapter (${e.message.split('\n')[0]}); going on without its limits`,
    );
    return undefined;
  });
  if (adapter !== null) return adapter;
  throw new NoAdapterError(
    'RAS_EXECUTION_PROVIDERS=webgpu but no WebGPU adapter was found: the provider reaches the GPU through Vulkan ' +
      '(NVIDIA: a driver with NVIDIA_DRIVER_CAPABILITIES including graphics; no GPU: Mesa 25 lavapipe)',
  );
}

async function main(): Promise<void> {
  const config = readConfig();
  const adapter = config.executionProviders[0] === 'webgpu' ? await requireAdapter() : undefined;
  const health = servingHealth();
  const deviceLost = (e: Error) => {
    console.error(`gpu-node: ${e.message}; health is NOT_SERVING until the node restarts`);
    health.setStatus('', 'NOT_SERVING');
    health.setStatus(RasSamplerService.typeName, 'NOT_SERVING');
  };
  if (config.modelsDir && !statSync(config.modelsDir, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`RAS_MODELS_DIR: no directory ${config.modelsDir}`);
  const engine = await createEngine({
    modelsDir: config.modelsDir,
    defaultModel: config.defaultModel,
    maxConcurrent: config.maxConcurrent,
    maxQueue: config.maxQueue,
    sessions: {
      dir: config.cacheDir,
      memoryBytes: config.sessionMemoryBytes,
      diskBytes: config.sessionDiskBytes,
      ttlMs: config.sessionTtlMs,
      stateKeys: config.stateKeys,
    },
    runtime: { executionProviders: config.executionProviders, intraOpThreads: config.intraOpThreads, adapter },
    onDeviceLost: deviceLost,
  });
  const models = await engine.listModels(); // loads every model now
  if (config.defaultModel && !models.some((m) => m.name === config.defaultModel))
    throw new Error(
      `RAS_DEFAULT_MODEL: this node serves no model "${config.defaultModel}"; it serves ${models.map((m) => m.name).join(', ')}`,
    );
  const deps = { engine, token: config.tokens, health, log: (e: unknown) => console.error('gpu-node:', e) };
  const grpcServer = createServer(deps);
  const webServer = createGrpcWebServer(deps);
  const port = await listenGrpc(grpcServer, config.host, config.port);
  const webPort = await listenHttp(webServer, config.host, config.webPort);
  const auth = config.tokens.length ? 'token auth' : 'NO AUTH (set RAS_NODE_TOKEN)';
  const states = config.stateKeys ? 'signed states' : 'states valid on this process only (set RAS_STATE_KEY)';
  const attention =
    adapter && !exactFlashAttention(adapter) ? ' (its FlashAttention is inexact: unfused attention where it fits)' : '';
  const eps = config.executionProviders.join('+') + (adapter ? ` on "${adapter.description}"${attention}` : '');
  const names = models.map((m) => m.name).join(', ');
  console.log(
    `gpu-node ready: grpc ${config.host}:${port}, grpc-web http://${config.host}:${webPort}, ${eps}, ${auth}, ${states}, models ${names}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`gpu-node: ${signal}, draining for up to ${config.drainGraceMs} ms`);
    health.setStatus('', 'NOT_SERVING');
    health.setStatus(RasSamplerService.typeName, 'NOT_SERVING');
    closeServers(grpcServer, webServer, config.drainGraceMs).then(
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
