/**
 * The service's handler core, transport-free: request bytes in, response
 * bytes out through `send`, a status at the end. The native gRPC and the
 * gRPC-Web adapters both call `runCall`; neither knows the Engine.
 */
import { type RasSamplerMethod, RasSamplerService, type ras } from '@ras/shared';
import type { Engine } from '../engine/types';
import { toEditParams, toGenerateParams, toPreviewOptions } from './convert/requests';
import { toEvent, toModel, toResultEvent, toSession } from './convert/responses';
import { invalidArgument, type RpcError, toRpcError } from './status';

/** What a handler knows of its call. */
export interface CallContext {
  /** Aborts on deadline or client cancel; handed to the engine. */
  signal: AbortSignal;
  /** Receives each warning of the answer (the native gRPC server sends them as trailing metadata). */
  warn?: (text: string) => void;
}

type Handler = (req: never, ctx: CallContext, send: (msg: unknown) => void) => Promise<void>;

/** The Engine behind each RPC; unary handlers send exactly one message. */
export function createHandlers(engine: Engine): Record<RasSamplerMethod, Handler> {
  type Send = (msg: ras.v1.Event.$Properties) => void;
  return {
    async Generate(req: ras.v1.GenerateRequest, ctx: CallContext, send: Send) {
      const params = toGenerateParams(req);
      const preview = toPreviewOptions(req.preview);
      const result = await engine.generate(params, { signal: ctx.signal, preview, onEvent: (e) => send(toEvent(e)) });
      for (const w of result.warnings) ctx.warn?.(w);
      send(toResultEvent(result));
    },
    async Edit(req: ras.v1.EditRequest, ctx: CallContext, send: Send) {
      const params = toEditParams(req);
      const preview = toPreviewOptions(req.preview);
      const result = await engine.edit(params, { signal: ctx.signal, preview, onEvent: (e) => send(toEvent(e)) });
      for (const w of result.warnings) ctx.warn?.(w);
      send(toResultEvent(result));
    },
    async GetSession(req: ras.v1.GetSessionRequest, _ctx, send) {
      if (!req.sessionId) throw invalidArgument('session_id', 'required');
      send(toSession(await engine.getSession(req.sessionId)));
    },
    async DeleteSession(req: ras.v1.DeleteSessionRequest, _ctx, send) {
      if (!req.sessionId) throw invalidArgument('session_id', 'required');
      await engine.deleteSession(req.sessionId);
      send({});
    },
    async ListModels(_req: ras.v1.ListModelsRequest, _ctx, send) {
      send({ models: (await engine.listModels()).map(toModel) });
    },
  };
}

/** Options of one call through `runCall`. */
export interface RunCallOptions {
  ctx: CallContext;
  /** Receives each encoded response message, in order. */
  send: (bytes: Uint8Array) => void;
  /** Receives failures that are not the client's fault (INTERNAL). */
  log?: (e: unknown) => void;
}

/**
 * Decodes `request`, runs the method's handler, encodes what it sends.
 * Resolves to undefined on success, or to the status to send on failure;
 * never rejects. Nothing is sent after the call's signal has aborted.
 */
export async function runCall(
  handlers: Record<RasSamplerMethod, Handler>,
  name: RasSamplerMethod,
  request: Uint8Array,
  { ctx, send, log }: RunCallOptions,
): Promise<RpcError | undefined> {
  const spec = RasSamplerService.methods[name];
  try {
    let req: unknown;
    try {
      req = spec.requestType.decode(request);
    } catch {
      throw invalidArgument('request', `not a valid ${name} request message`);
    }
    const sendMessage = (msg: unknown) => {
      if (!ctx.signal.aborted)
        send((spec.responseType.encode as (m: unknown) => { finish(): Uint8Array })(msg).finish());
    };
    await handlers[name](req as never, ctx, sendMessage);
    return ctx.signal.aborted ? toRpcError(undefined, ctx.signal, log) : undefined;
  } catch (e) {
    return toRpcError(e, ctx.signal, log);
  }
}
