/**
 * What grpc-js needs to know of the service: a ServiceDefinition built from
 * the methods table, and the descriptors that server reflection publishes.
 * Messages travel as bytes here; the handler core decodes them, so a
 * malformed request is INVALID_ARGUMENT rather than grpc-js's INTERNAL.
 */
import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { RAS_METHODS } from '../methods';

/** The repository's `proto/` directory (the one API definition). */
export const PROTO_DIR = fileURLToPath(new URL('../../../../proto', import.meta.url));

const toBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const same = (b: Buffer) => b;

/** The RasSampler service for grpc-js, bytes in and bytes out. */
export function rasServiceDefinition(): ServiceDefinition {
  const entries = Object.values(RAS_METHODS).map((spec) => [
    spec.name,
    {
      path: spec.path,
      requestStream: false,
      responseStream: spec.responseStream,
      requestSerialize: toBuffer,
      requestDeserialize: same,
      responseSerialize: toBuffer,
      responseDeserialize: same,
      originalName: spec.name[0].toLowerCase() + spec.name.slice(1),
    },
  ]);
  return Object.fromEntries(entries);
}

/** Descriptors of ras.v1 and grpc.health.v1 for server reflection. */
export function reflectionPackage(): PackageDefinition {
  // keepCase: descriptors carry the .proto's field names (class_id), as protoc's would.
  return loadSync(['ras/v1/ras.proto', healthProtoPath], { includeDirs: [PROTO_DIR], keepCase: true });
}
