/**
 * Server reflection (grpc.reflection.v1), as stock tools (grpcurl, Postman)
 * use it: list the services, fetch the descriptors of RasSampler. It sits
 * behind the node token; health does not.
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from './helpers/grpc-client';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';
import { descriptorSet } from './helpers/protoc';

const REFLECTION_PROTO = join(
  dirname(createRequire(import.meta.url).resolve('@grpc/reflection/package.json')),
  'build/proto/grpc/reflection/v1/reflection.proto',
);
type Reply = {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
};
type Stream = grpc.ClientDuplexStream<object, Reply>;

/** One reflection request on a fresh stream: the first reply, or the error. */
function ask(
  client: grpc.Client,
  md: grpc.Metadata,
  request: object,
): Promise<{ reply?: Reply; error?: grpc.ServiceError }> {
  const stream = (client as unknown as { ServerReflectionInfo(md: grpc.Metadata): Stream }).ServerReflectionInfo(md);
  return new Promise((resolve) => {
    stream.once('data', (reply: Reply) => {
      resolve({ reply });
      stream.end();
    });
    stream.once('error', (error: grpc.ServiceError) => resolve({ error }));
    stream.write(request);
  });
}

describe('server reflection', () => {
  let node: TestNode;
  let client: grpc.Client;

  beforeAll(async () => {
    node = await startNode(await tinyEngine());
    const pkg = grpc.loadPackageDefinition(loadSync(REFLECTION_PROTO)) as never as {
      grpc: { reflection: { v1: { ServerReflection: grpc.ServiceClientConstructor } } };
    };
    client = new pkg.grpc.reflection.v1.ServerReflection(node.grpcTarget, grpc.credentials.createInsecure());
  });
  afterAll(async () => {
    client.close();
    await node.close();
  });

  it('lists RasSampler and health, and serves the descriptors of ras.v1', async () => {
    const { reply } = await ask(client, auth(TOKEN), { listServices: '' });
    const names = reply?.listServicesResponse?.service.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['ras.v1.RasSampler', 'grpc.health.v1.Health']));
    const file = await ask(client, auth(TOKEN), { fileContainingSymbol: 'ras.v1.RasSampler' });
    const protos = file.reply?.fileDescriptorResponse?.fileDescriptorProto ?? [];
    const text = Buffer.concat(protos.map((p) => Buffer.from(p))).toString('latin1');
    expect(text).toContain('RasSampler');
    expect(text).toContain('class_id'); // the .proto's own field names
  });

  it('serves ras.v1 as protoc describes it: its path, absolute type names, proto3 optional fields', async () => {
    const file = await ask(client, auth(TOKEN), { fileContainingSymbol: 'ras.v1.GenerateRequest' });
    const served = (file.reply?.fileDescriptorResponse?.fileDescriptorProto ?? []).map((b) =>
      fromBinary(FileDescriptorProtoSchema, b),
    );
    const ras = served.find((f) => f.package === 'ras.v1');
    expect(ras?.name).toBe('ras/v1/ras.proto');
    const request = ras?.messageType.find((m) => m.name === 'GenerateRequest');
    const guidance = request?.field.find((f) => f.name === 'guidance');
    expect(guidance?.proto3Optional).toBe(true);
    expect(request?.field.find((f) => f.name === 'condition')?.typeName).toBe('.ras.v1.Condition');
    const protoc = fromBinary(FileDescriptorSetSchema, descriptorSet()).file.find((f) => f.name === ras?.name);
    expect(ras).toEqual(protoc);
  });

  it('refuses reflection without the node token', async () => {
    const { error } = await ask(client, auth(), { listServices: '' });
    expect(error?.code).toBe(grpc.status.UNAUTHENTICATED);
  });
});
