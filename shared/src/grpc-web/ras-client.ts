/**
 * The RasSampler service over gRPC-Web, typed by the generated static
 * messages (no eval: safe in the Workers runtime). Paths and codecs come from
 * the generated service descriptor. Streams are async generators of decoded
 * Events; unary calls resolve to their one reply.
 */

import type { ras } from '../generated/ras.js';
import { RasSamplerService } from '../generated/ras-service';
import { Status } from '../grpc/status';
import { type GrpcWebCallOptions, grpcWebCall } from './call';
import { GrpcWebError } from './error';

const { methods } = RasSamplerService;

/** What a call needs of a method descriptor, typed by its request properties and reply. */
interface Method<P, O> {
  name: string;
  path: string;
  requestType: { encode(message: P): { finish(): Uint8Array } };
  responseType: { decode(bytes: Uint8Array): O };
}

/** A RasSampler client for the node at `baseUrl` (its gRPC-Web port). */
export class RasWebClient {
  /** @param defaults options of every call (token, fetch); per-call options override them. */
  constructor(
    readonly baseUrl: string,
    private readonly defaults: GrpcWebCallOptions = {},
  ) {}

  /** Generate: Queued / Progress / Preview events, then one Result. */
  generate(req: ras.v1.GenerateRequest.$Properties, opts?: GrpcWebCallOptions): AsyncGenerator<ras.v1.Event> {
    return this.stream(methods.Generate, req, opts);
  }

  /** Edit: streams like Generate; the Result carries the new version. */
  edit(req: ras.v1.EditRequest.$Properties, opts?: GrpcWebCallOptions): AsyncGenerator<ras.v1.Event> {
    return this.stream(methods.Edit, req, opts);
  }

  getSession(req: ras.v1.GetSessionRequest.$Properties, opts?: GrpcWebCallOptions): Promise<ras.v1.Session> {
    return this.unary(methods.GetSession, req, opts);
  }

  deleteSession(
    req: ras.v1.DeleteSessionRequest.$Properties,
    opts?: GrpcWebCallOptions,
  ): Promise<ras.v1.DeleteSessionResponse> {
    return this.unary(methods.DeleteSession, req, opts);
  }

  listModels(opts?: GrpcWebCallOptions): Promise<ras.v1.ListModelsResponse> {
    return this.unary(methods.ListModels, {}, opts);
  }

  private call<P, O>(method: Method<P, O>, req: P, opts?: GrpcWebCallOptions): AsyncGenerator<Uint8Array> {
    const bytes = method.requestType.encode(req).finish();
    return grpcWebCall(this.baseUrl, method.path, bytes, { ...this.defaults, ...opts });
  }

  private async *stream<P, O>(method: Method<P, O>, req: P, opts?: GrpcWebCallOptions): AsyncGenerator<O> {
    for await (const msg of this.call(method, req, opts)) yield method.responseType.decode(msg);
  }

  private async unary<P, O>(method: Method<P, O>, req: P, opts?: GrpcWebCallOptions): Promise<O> {
    let reply: O | undefined;
    for await (const msg of this.call(method, req, opts)) reply = method.responseType.decode(msg);
    if (reply === undefined) throw new GrpcWebError(Status.INTERNAL, `${method.name}: no reply message`);
    return reply;
  }
}
