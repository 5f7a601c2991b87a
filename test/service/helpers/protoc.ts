/**
 * Runs Debian's protoc at test time: descriptor sets for the gRPC-Web client
 * and Python stubs (protoc --python_out + grpc_python_plugin). Nothing
 * generated here is committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { PROTO_DIR } from '../../../gpu-node/src/service/grpc/definition';

/** The include root of grpc.health.v1 (`health/v1/health.proto` under it). */
const HEALTH_ROOT = dirname(dirname(dirname(healthProtoPath)));
const FILES = ['ras/v1/ras.proto', 'health/v1/health.proto'];
const protoc = (args: string[]) => execFileSync('protoc', [`-I${PROTO_DIR}`, `-I${HEALTH_ROOT}`, ...args, ...FILES]);

/** A FileDescriptorSet (binary) of ras.v1 and grpc.health.v1. */
export function descriptorSet(): Uint8Array {
  const out = join(mkdtempSync(join(tmpdir(), 'ras-desc-')), 'set.pb');
  protoc([`--descriptor_set_out=${out}`, '--include_imports']);
  return readFileSync(out);
}

/** Generates Python messages and grpcio stubs; returns the directory (a PYTHONPATH entry). */
export function pythonStubs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ras-py-'));
  const plugin = execFileSync('which', ['grpc_python_plugin']).toString().trim();
  protoc([`--python_out=${dir}`, `--grpc_python_out=${dir}`, `--plugin=protoc-gen-grpc_python=${plugin}`]);
  return dir;
}
