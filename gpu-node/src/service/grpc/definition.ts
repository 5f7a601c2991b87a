/**
 * What grpc-js needs to know of the service: a ServiceDefinition built from
 * the generated service descriptor, and the descriptors that server
 * reflection publishes.
 * Messages travel as bytes here; the handler core decodes them, so a
 * malformed request is INVALID_ARGUMENT rather than grpc-js's INTERNAL.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { RasSamplerService } from '@ras/shared';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import protobuf from 'protobufjs/minimal.js';

/** The repository's `proto/` directory (the one API definition). */
export const PROTO_DIR = fileURLToPath(new URL('../../../../proto', import.meta.url));

const toBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const same = (b: Buffer) => b;

/** The RasSampler service for grpc-js, bytes in and bytes out. */
export function rasServiceDefinition(): ServiceDefinition {
  const entries = Object.values(RasSamplerService.methods).map((spec) => [
    spec.name,
    {
      path: spec.path,
      requestStream: spec.requestStream,
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

/** protoc's FileDescriptorSet of ras/v1/ras.proto, committed by `npm run generate`. */
export const RAS_DESCRIPTOR_SET = fileURLToPath(new URL('../../../../shared/src/generated/ras.binpb', import.meta.url));

/** The FileDescriptorProtos of a FileDescriptorSet, as the bytes protoc wrote (`repeated file = 1`). */
function filesOf(set: Uint8Array): Uint8Array[] {
  const reader = protobuf.Reader.create(set);
  const files: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | 2)) files.push(reader.bytes());
    else reader.skipType(tag & 7);
  }
  return files;
}

/**
 * Descriptors of ras.v1 and grpc.health.v1 for server reflection. ras.v1's
 * are protoc's own (file `ras/v1/ras.proto`, absolute type names, proto3
 * `optional` fields as such): proto-loader's would rename the file and turn
 * each optional field into a oneof (`_guidance`) for stock tools.
 */
export function reflectionPackage(): PackageDefinition {
  // Loaded apart: proto-loader gives every definition the descriptors of every file it loaded.
  const health = loadSync(healthProtoPath, { keepCase: true });
  const ras = loadSync('ras/v1/ras.proto', { includeDirs: [PROTO_DIR], keepCase: true });
  const files = filesOf(readFileSync(RAS_DESCRIPTOR_SET)).map((f) => Buffer.from(f));
  for (const def of Object.values(ras)) if ('fileDescriptorProtos' in def) def.fileDescriptorProtos = files;
  return { ...health, ...ras };
}
