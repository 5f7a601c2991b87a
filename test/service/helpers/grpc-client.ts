/**
 * A native gRPC client (grpc-js) for the status tests, typed by the shared
 * generated messages. Interop with clients we did not write is proven by the
 * Python and gRPC-Web tests; this one pins down statuses and metadata.
 */
import * as grpc from '@grpc/grpc-js';
import { RasSamplerService, ras } from '@ras/shared';
import { grpcDefinition } from '../../../cli/grpc-definition';

const Client = grpc.makeGenericClientConstructor(grpcDefinition(RasSamplerService), 'RasSampler');

/** A generic client: `client.Generate(req, metadata, options)` etc. */
export function rasClient(target: string): grpc.Client & Record<string, (...args: unknown[]) => unknown> {
  return new Client(target, grpc.credentials.createInsecure()) as never;
}

/** Metadata with the bearer token (none when `token` is undefined). */
export function auth(token?: string): grpc.Metadata {
  const md = new grpc.Metadata();
  if (token !== undefined) md.set('authorization', `Bearer ${token}`);
  return md;
}

/** A Generate stream for `req` as a readable of Event messages. */
export function generate(
  client: ReturnType<typeof rasClient>,
  req: ras.v1.GenerateRequest.$Properties,
  md: grpc.Metadata,
  options: grpc.CallOptions = {},
): grpc.ClientReadableStream<ras.v1.Event> {
  return client.Generate(req, md, options) as grpc.ClientReadableStream<ras.v1.Event>;
}

/** Reads a stream to its end: the events, or the error status. */
export function drain<T>(stream: grpc.ClientReadableStream<T>): Promise<{ events: T[]; error?: grpc.ServiceError }> {
  const events: T[] = [];
  return new Promise((resolve) => {
    stream.on('data', (e: T) => events.push(e));
    stream.on('error', (error: grpc.ServiceError) => resolve({ events, error }));
    stream.on('end', () => resolve({ events }));
  });
}

/** A unary call as a promise of the reply or the error status. */
export function unary<T>(client: ReturnType<typeof rasClient>, name: string, req: unknown, md: grpc.Metadata) {
  return new Promise<{ reply?: T; error?: grpc.ServiceError }>((resolve) => {
    client[name](req, md, (error: grpc.ServiceError | null, reply: T) => resolve(error ? { error } : { reply }));
  });
}

export { ras };
