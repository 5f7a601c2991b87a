/**
 * The text of `ras-service.ts`, read from protoc's descriptor set: per
 * service its full name and, per method, name, path, streaming and the
 * static message classes of `ras.js` as codecs.
 */
import { createRequire } from 'node:module';
import type { Type } from 'protobufjs';

interface MethodProto {
  name: string;
  inputType: string;
  outputType: string;
  clientStreaming: boolean;
  serverStreaming: boolean;
}
interface FileProto {
  name: string;
  package: string;
  service: { name: string; method: MethodProto[] }[];
}

// protobufjs's descriptor.proto types; the extension ships without TypeScript declarations.
const { FileDescriptorSet } = createRequire(import.meta.url)('protobufjs/ext/descriptor') as {
  FileDescriptorSet: Type;
};

/** `.ras.v1.Event` → `ras.v1.Event`, the static class pbjs generated for it. */
const className = (typeName: string) => typeName.replace(/^\./, '');

function methodSource(service: string, m: MethodProto): string {
  return [
    `    ${m.name}: {`,
    `      name: '${m.name}',`,
    `      path: '/${service}/${m.name}',`,
    `      requestStream: ${m.clientStreaming},`,
    `      responseStream: ${m.serverStreaming},`,
    `      requestType: ${className(m.inputType)},`,
    `      responseType: ${className(m.outputType)},`,
    '    },',
  ].join('\n');
}

function serviceBlock(pkg: string, s: FileProto['service'][number]): string {
  const full = `${pkg}.${s.name}`;
  return `/** The ${full} service: its methods' paths, streaming and codecs. */
export const ${s.name}Service = {
  typeName: '${full}',
  methods: {
${s.method.map((m) => methodSource(full, m)).join('\n')}
  },
} as const satisfies ServiceDescriptor;

/** A method name of ${full}. */
export type ${s.name}Method = keyof typeof ${s.name}Service.methods;
`;
}

/** `ras-service.ts` for the services of the FileDescriptorSet `set`, under `header`. */
export function serviceSource(set: Uint8Array, header: string): string {
  const { file } = FileDescriptorSet.toObject(FileDescriptorSet.decode(set), { defaults: true }) as {
    file: FileProto[];
  };
  const blocks = file.flatMap((f) => f.service.map((s) => serviceBlock(f.package, s)));
  const imports = "import type { ServiceDescriptor } from '../grpc/service';\nimport { ras } from './ras.js';\n";
  return `${header}${imports}\n${blocks.join('\n')}`;
}
