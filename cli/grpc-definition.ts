/**
 * A generated service descriptor as grpc-js wants it: each method's path and
 * streaming, its messages serialised by their generated classes. The CLI's
 * client and the service tests' client are both built from it.
 */
import type { ServiceDefinition } from '@grpc/grpc-js';
import type { Codec, ServiceDescriptor } from '@ras/shared';

/** The grpc-js ServiceDefinition of `service`, messages in and out as decoded objects. */
export function grpcDefinition(service: ServiceDescriptor): ServiceDefinition {
  const entries = Object.values(service.methods).map((m) => {
    const [req, res]: Codec[] = [m.requestType, m.responseType];
    const method = {
      path: m.path,
      requestStream: m.requestStream,
      responseStream: m.responseStream,
      requestSerialize: (msg: unknown) => Buffer.from(req.encode(msg).finish()),
      requestDeserialize: (b: Buffer) => req.decode(b),
      responseSerialize: (msg: unknown) => Buffer.from(res.encode(msg).finish()),
      responseDeserialize: (b: Buffer) => res.decode(b),
    };
    return [m.name, method] as const;
  });
  return Object.fromEntries(entries);
}
