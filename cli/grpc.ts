/**
 * A GPU node over native gRPC (grpc-js) as a Backend: the RasSampler service
 * as the generated descriptor describes it (paths, streaming, the shared
 * generated messages as codecs), the node token as a Bearer header.
 */
import * as grpc from '@grpc/grpc-js';
import { RasSamplerService, type ras, statusName } from '@ras/shared';
import type { Backend, Condition, RunEvents, RunResult } from './backend';
import { grpcDefinition } from './grpc-definition';

const Client = grpc.makeGenericClientConstructor(grpcDefinition(RasSamplerService), 'RasSampler');

type Call = (req: unknown, md: grpc.Metadata, ...rest: unknown[]) => unknown;

/** A gRPC failure in one line: "NOT_FOUND: session "x" not found". */
function oneLine(e: grpc.ServiceError): Error {
  return new Error(`${statusName(e.code) ?? e.code}: ${e.details || e.message}`);
}

const toCondition = (c: Condition) =>
  'prompt' in c ? { prompt: c.prompt } : 'label' in c ? { label: c.label } : { classId: c.classId };

/** A Backend on the node at `target` (host:port of its native gRPC port). */
export function grpcBackend(target: string, token?: string): Backend {
  const client = new Client(target, grpc.credentials.createInsecure()) as unknown as Record<string, Call> & grpc.Client;
  const md = () => {
    const m = new grpc.Metadata();
    if (token) m.set('authorization', `Bearer ${token}`);
    return m;
  };

  function stream(name: string, req: unknown, events: RunEvents, signal: AbortSignal): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const call = client[name](req, md()) as grpc.ClientReadableStream<ras.v1.Event>;
      const onAbort = () => call.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      let result: RunResult | null = null;
      call.on('data', (e: ras.v1.Event) => {
        if (e.queued) events.onQueued(e.queued.position);
        if (e.progress) events.onProgress(e.progress);
        if (e.preview) events.onPreview({ step: e.preview.step, image: e.preview.image, mime: e.preview.mime });
        if (e.result) {
          const r = e.result;
          for (const w of r.warnings ?? []) events.onWarning(w);
          const [sessionId, version, png] = [r.sessionId, r.version, r.png];
          const totals = { tokensRun: r.tokensRun, tokensTotal: r.tokensTotal, totalMs: r.timings?.totalMs ?? 0 };
          result = { sessionId, version, png, width: r.width, height: r.height, ...totals };
        }
      });
      call.on('error', (e: grpc.ServiceError) => {
        signal.removeEventListener('abort', onAbort);
        reject(oneLine(e));
      });
      call.on('end', () => {
        signal.removeEventListener('abort', onAbort);
        if (result) resolve(result);
        else reject(new Error(`the node at ${target} ended the stream without a result`));
      });
    });
  }

  function unary<T>(name: string, req: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      client[name](req, md(), (e: grpc.ServiceError | null, reply: T) => (e ? reject(oneLine(e)) : resolve(reply)));
    });
  }

  const preview = (every: number) => (every > 0 ? { every } : undefined); // PNG, the default format

  return {
    generate(a, events, signal) {
      const { condition, previewEvery, ratio, ...rest } = a;
      const req = { ...rest, condition: toCondition(condition), ras: ratio === undefined ? undefined : { ratio } };
      return stream('Generate', { ...req, preview: preview(previewEvery) }, events, signal);
    },
    edit(a, events, signal) {
      const { sessionId, condition, previewEvery, ...rest } = a;
      const req = {
        ...rest,
        sessionId,
        condition: condition && toCondition(condition),
        preview: preview(previewEvery),
      };
      return stream('Edit', req, events, signal);
    },
    async session(id) {
      const s = await unary<ras.v1.Session>('GetSession', { sessionId: id });
      return { sessionId: s.sessionId, model: s.model, versions: s.versions, recipe: s.recipe?.toJSON() ?? {} };
    },
    async models() {
      const reply = await unary<ras.v1.ListModelsResponse>('ListModels', {});
      return reply.models.map((m) => ({ ...m, sizes: m.sizes.map((s) => ({ width: s.width, height: s.height })) }));
    },
    close() {
      client.close();
    },
  };
}
