/**
 * A gRPC service as data: the shape of the descriptors `npm run generate`
 * writes from the proto (`generated/ras-service.ts`). Every transport reads
 * its paths, streaming and codecs from one of these, never from a table of
 * its own.
 */

/** Encode/decode of one message type (a generated static class fits). */
export interface Codec<T = unknown> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

/** One RPC of a service. */
export interface MethodDescriptor<I = unknown, O = unknown> {
  /** The method's name in the proto, `Generate`. */
  readonly name: string;
  /** Its HTTP/2 path, `/<package>.<Service>/<name>`. */
  readonly path: string;
  readonly requestStream: boolean;
  readonly responseStream: boolean;
  readonly requestType: Codec<I>;
  readonly responseType: Codec<O>;
}

/** A service: its fully-qualified name and its methods by name. */
export interface ServiceDescriptor {
  /** `<package>.<Service>`, as health checks and reflection name it. */
  readonly typeName: string;
  readonly methods: Readonly<Record<string, MethodDescriptor>>;
}

/** The name of the method of `service` served at an HTTP path, if any. */
export function methodAt<S extends ServiceDescriptor>(
  service: S,
  path: string,
): (keyof S['methods'] & string) | undefined {
  const prefix = `/${service.typeName}/`;
  const name = path.startsWith(prefix) ? path.slice(prefix.length) : '';
  return Object.hasOwn(service.methods, name) ? name : undefined;
}
