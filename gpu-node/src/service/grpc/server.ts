/**
 * The native gRPC adapter (@grpc/grpc-js) over the handler core, plus the
 * standard health (grpc.health.v1) and reflection services so stock tools
 * work. `createServer` builds; `main` listens (grpc-node's getServer()).
 */
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { type RasSamplerMethod, RasSamplerService } from '@ras/shared';
import { HealthImplementation } from 'grpc-health-check';
import type { Engine } from '../../engine/types';
import { bearerAuth } from '../auth';
import { CallScope } from '../call-scope';
import { createHandlers, runCall } from '../core';
import { type RpcError, toRpcError } from '../status';
import { rasServiceDefinition, reflectionPackage } from './definition';

/** What the servers are built from. */
export interface ServiceDeps {
  engine: Engine;
  /** Shared node token (or current and next during a rotation); absent or empty: no authentication (local dev only). */
  token?: string | readonly string[];
  /** Health service to register (main flips it to NOT_SERVING when draining); a SERVING one if absent. */
  health?: HealthImplementation;
  /** Receives failures that are not the client's fault. */
  log?: (e: unknown) => void;
}

type AnyCall = grpc.ServerUnaryCall<Buffer, Uint8Array> | grpc.ServerWritableStream<Buffer, Uint8Array>;
type Reply = (err: RpcError | undefined, message?: Uint8Array, trailers?: grpc.Metadata) => void;

/**
 * The trailing metadata key of a successful answer's warnings, joined by "; " as the edge joins them
 * (HTTP/2 would join repeated keys with ", ", which the warnings' own text may hold).
 */
export const WARNING_TRAILER = 'x-ras-warning';

function serviceError(err: RpcError): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(err.trailers)) metadata.set(k, v);
  return { code: err.code, details: err.message, metadata };
}

interface Bound {
  handlers: ReturnType<typeof createHandlers>;
  check: ReturnType<typeof bearerAuth>;
  log?: (e: unknown) => void;
}

/** Runs one call: auth, deadline/cancel signal, the core; `reply` ends it. */
function serve({ handlers, check, log }: Bound, name: RasSamplerMethod, call: AnyCall, reply: Reply): void {
  const deadline = call.getDeadline();
  const scope = new CallScope(deadline instanceof Date ? deadline.getTime() : deadline);
  call.on('cancelled', () => scope.cancel());
  try {
    check(String(call.metadata.get('authorization')[0] ?? ''));
  } catch (e) {
    scope.dispose();
    reply(toRpcError(e));
    return;
  }
  let last: Uint8Array | undefined;
  const warnings: string[] = [];
  const warn = (text: string) => warnings.push(text);
  const send = (b: Uint8Array) => {
    if (!RasSamplerService.methods[name].responseStream) last = b;
    else (call as grpc.ServerWritableStream<Buffer, Uint8Array>).write(b);
  };
  void runCall(handlers, name, call.request, { ctx: { signal: scope.signal, warn }, send, log }).then((err) => {
    scope.dispose();
    const trailers = new grpc.Metadata();
    // Header values are printable ASCII: anything else (a card's encoder name, say) becomes '?'.
    if (warnings.length) trailers.set(WARNING_TRAILER, warnings.join('; ').replace(/[^\x20-\x7e]/g, '?'));
    reply(err, last, trailers);
  });
}

function implementation(deps: ServiceDeps): grpc.UntypedServiceImplementation {
  const bound: Bound = { handlers: createHandlers(deps.engine), check: bearerAuth(deps.token), log: deps.log };
  const impl: grpc.UntypedServiceImplementation = {};
  for (const spec of Object.values(RasSamplerService.methods)) {
    const name = spec.name as RasSamplerMethod;
    impl[name] = spec.responseStream
      ? (call: grpc.ServerWritableStream<Buffer, Uint8Array>) =>
          serve(bound, name, call, (err, _msg, trailers) =>
            err ? call.emit('error', serviceError(err)) : call.end(trailers),
          )
      : (call: grpc.ServerUnaryCall<Buffer, Uint8Array>, callback: grpc.sendUnaryData<Uint8Array>) =>
          serve(bound, name, call, (err, msg, trailers) =>
            err ? callback(serviceError(err)) : callback(null, msg, trailers),
          );
  }
  return impl;
}

/** Reflection behind the same token check (health stays open for probes); its RPCs are all streams. */
function guarded(server: grpc.Server, deps: ServiceDeps): Pick<grpc.Server, 'addService'> {
  const check = bearerAuth(deps.token);
  return {
    addService(def, impl) {
      const wrapped: grpc.UntypedServiceImplementation = {};
      for (const [key, handler] of Object.entries(impl)) {
        wrapped[key] = function authorized(call: grpc.ServerDuplexStream<unknown, unknown>, ...rest: unknown[]) {
          try {
            check(String(call.metadata.get('authorization')[0] ?? ''));
          } catch (e) {
            call.emit('error', serviceError(toRpcError(e)));
            return;
          }
          (handler as (...args: unknown[]) => void)(call, ...rest);
        };
      }
      server.addService(def, wrapped);
    },
  };
}

/** grpc.health.v1 reporting SERVING for the server and for RasSampler. */
export function servingHealth(): HealthImplementation {
  return new HealthImplementation({ '': 'SERVING', [RasSamplerService.typeName]: 'SERVING' });
}

/** Builds the native gRPC server (RasSampler, health, reflection) without listening. */
export function createServer(deps: ServiceDeps): grpc.Server {
  const server = new grpc.Server();
  server.addService(rasServiceDefinition(), implementation(deps));
  (deps.health ?? servingHealth()).addToServer(server);
  new ReflectionService(reflectionPackage()).addToServer(guarded(server, deps));
  return server;
}
