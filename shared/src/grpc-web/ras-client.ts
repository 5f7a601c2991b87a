/**
 * The RasSampler service over gRPC-Web, typed by the generated static
 * messages (no eval: safe in the Workers runtime). Streams are async
 * generators of decoded Events; unary calls resolve to their one reply.
 */

import { ras } from '../generated/ras.js';
import { Status } from '../grpc/status';
import { type GrpcWebCallOptions, grpcWebCall } from './call';
import { GrpcWebError } from './error';

const SERVICE = '/ras.v1.RasSampler';

/** A RasSampler client for the node at `baseUrl` (its gRPC-Web port). */
export class RasWebClient {
  /** @param defaults options of every call (token, fetch); per-call options override them. */
  constructor(
    readonly baseUrl: string,
    private readonly defaults: GrpcWebCallOptions = {},
  ) {}

  /** Generate: Queued / Progress / Preview events, then one Result. */
  generate(req: ras.v1.GenerateRequest.$Properties, opts?: GrpcWebCallOptions): AsyncGenerator<ras.v1.Event> {
    return this.stream('Generate', ras.v1.GenerateRequest.encode(req).finish(), opts);
  }

  /** Edit: streams like Generate; the Result carries the new version. */
  edit(req: ras.v1.EditRequest.$Properties, opts?: GrpcWebCallOptions): AsyncGenerator<ras.v1.Event> {
    return this.stream('Edit', ras.v1.EditRequest.encode(req).finish(), opts);
  }

  getSession(req: ras.v1.GetSessionRequest.$Properties, opts?: GrpcWebCallOptions): Promise<ras.v1.Session> {
    return this.unary('GetSession', ras.v1.GetSessionRequest.encode(req).finish(), ras.v1.Session, opts);
  }

  deleteSession(
    req: ras.v1.DeleteSessionRequest.$Properties,
    opts?: GrpcWebCallOptions,
  ): Promise<ras.v1.DeleteSessionResponse> {
    const bytes = ras.v1.DeleteSessionRequest.encode(req).finish();
    return this.unary('DeleteSession', bytes, ras.v1.DeleteSessionResponse, opts);
  }

  listModels(opts?: GrpcWebCallOptions): Promise<ras.v1.ListModelsResponse> {
    return this.unary('ListModels', ras.v1.ListModelsRequest.encode({}).finish(), ras.v1.ListModelsResponse, opts);
  }

  private async *stream(method: string, bytes: Uint8Array, opts?: GrpcWebCallOptions) {
    for await (const msg of grpcWebCall(this.baseUrl, `${SERVICE}/${method}`, bytes, { ...this.defaults, ...opts }))
      yield ras.v1.Event.decode(msg);
  }

  private async unary<T>(
    method: string,
    bytes: Uint8Array,
    type: { decode(b: Uint8Array): T },
    opts?: GrpcWebCallOptions,
  ): Promise<T> {
    let reply: T | undefined;
    for await (const msg of grpcWebCall(this.baseUrl, `${SERVICE}/${method}`, bytes, { ...this.defaults, ...opts }))
      reply = type.decode(msg);
    if (reply === undefined) throw new GrpcWebError(Status.INTERNAL, `${method}: no reply message`);
    return reply;
  }
}
