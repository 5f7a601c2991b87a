/**
 * The edge's HTTP API as a Backend, through the same client the web page uses
 * (`edge/public/js/api.js`: Bearer key, SSE read from fetch, retries on
 * 429/503 with Retry-After, errors in plain words).
 */
import type { CompleteEvent, PreviewEvent, ProgressEvent, QueuedEvent } from '@ras/shared/http';
import { createApi } from '../edge/public/js/api.js';
import type { Backend, EditArgs, GenerateArgs, RunEvents, RunResult } from './backend';

const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** A Backend on the edge at `baseUrl` with `apiKey`. */
export function httpBackend(baseUrl: string, apiKey: string): Backend {
  const api = createApi({ baseUrl: baseUrl.replace(/\/+$/, ''), apiKey: () => apiKey });

  const handlers = (events: RunEvents, signal: AbortSignal) => ({
    signal,
    onRetry: (message: string) => events.onWarning(message),
    onWarning: (text: string) => events.onWarning(text),
    onEvent(event: string, data: unknown) {
      if (event === 'queued') events.onQueued((data as QueuedEvent).position);
      if (event === 'progress') events.onProgress(data as ProgressEvent);
      if (event === 'preview') {
        const p = data as PreviewEvent;
        events.onPreview({ step: p.step, image: fromBase64(p.image), mime: p.mime });
      }
    },
  });

  const result = (d: CompleteEvent): RunResult => ({
    sessionId: d.sessionId,
    version: d.version,
    png: fromBase64(d.png),
    width: d.width,
    height: d.height,
    tokensRun: d.tokensRun,
    tokensTotal: d.tokensTotal,
    totalMs: d.timings.totalMs,
  });

  const preview = (every: number) => (every > 0 ? { every, format: 'png' as const } : undefined);

  return {
    async generate(a: GenerateArgs, events, signal) {
      const body = {
        model: a.model,
        condition: a.condition,
        seed: a.seed,
        steps: a.steps,
        width: a.width,
        height: a.height,
        ras: a.ratio === undefined ? undefined : { ratio: a.ratio },
        preview: preview(a.previewEvery),
      };
      return result(await api.generate(body, handlers(events, signal)));
    },
    async edit(a: EditArgs, events, signal) {
      const body = {
        version: a.version,
        rects: a.rects,
        margin: a.margin,
        condition: a.condition,
        seed: a.seed,
        preview: preview(a.previewEvery),
      };
      return result(await api.edit(a.sessionId, body, handlers(events, signal)));
    },
    async session(id) {
      const s = await api.getSession(id);
      return { sessionId: s.sessionId, model: s.model, versions: s.versions.map((v) => v.version), recipe: s.recipe };
    },
    async models() {
      return (await api.listModels()).models;
    },
    close() {},
  };
}
