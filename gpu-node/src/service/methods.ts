/**
 * The RasSampler service's methods as data: path, streaming kind and codecs
 * (the generated static protobufjs classes). Both transports read this table.
 */
import { ras } from '@ras/shared';

/** Encode/decode of one message type (a generated static class fits). */
export interface Codec<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

/** The fully-qualified service name. */
export const SERVICE_NAME = 'ras.v1.RasSampler';

/** One RPC of the service. */
export interface MethodSpec<I = unknown, O = unknown> {
  name: string;
  /** HTTP path, `/ras.v1.RasSampler/<name>`. */
  path: string;
  /** Server-streaming (Generate, Edit) or unary. */
  responseStream: boolean;
  requestType: Codec<I>;
  responseType: Codec<O>;
}

function method<I, O>(name: string, responseStream: boolean, req: Codec<I>, res: Codec<O>): MethodSpec<I, O> {
  return { name, path: `/${SERVICE_NAME}/${name}`, responseStream, requestType: req, responseType: res };
}

/** Every method of `ras.v1.RasSampler`, by name. */
export const RAS_METHODS = {
  Generate: method('Generate', true, ras.v1.GenerateRequest, ras.v1.Event),
  Edit: method('Edit', true, ras.v1.EditRequest, ras.v1.Event),
  GetSession: method('GetSession', false, ras.v1.GetSessionRequest, ras.v1.Session),
  DeleteSession: method('DeleteSession', false, ras.v1.DeleteSessionRequest, ras.v1.DeleteSessionResponse),
  ListModels: method('ListModels', false, ras.v1.ListModelsRequest, ras.v1.ListModelsResponse),
} as const;

/** A method name of the service. */
export type RasMethodName = keyof typeof RAS_METHODS;

/** The method served at an HTTP path, if any. */
export function methodByPath(path: string): RasMethodName | undefined {
  const name = path.startsWith(`/${SERVICE_NAME}/`) ? path.slice(SERVICE_NAME.length + 2) : '';
  return Object.hasOwn(RAS_METHODS, name) ? (name as RasMethodName) : undefined;
}
