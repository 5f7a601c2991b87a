/**
 * The edge's HTTP API as a Backend, through the same client the web page uses
 * (`edge/public/js/api.js`: Bearer key, SSE read from fetch, retries on
 * 429/503 with Retry-After, errors in plain words).
 */
import type { CompleteEvent, PreviewEvent, ProgressEvent, QueuedEvent } from '@ras/shared/http';
import { createApi } from '../edge/public/js/api.js';
import type { Backend, EditArgs, GenerateArgs, RunEvents, RunResult } from './backend';

const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

interface Handlers {
  signal: AbortSignal;
  onRetry(message: string): void;
  onWarning(text: string): void;
  onEvent(event: string, data: unknown): void;
}

/** A Backend on the edge at `baseUrl` with `apiKey`. */
export function httpBackend(baseUrl: string, apiKey: string): Backend {
  const api = createApi({ baseUrl: baseUrl.replace(/\/+$/, ''), apiKey: () => apiKey });

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

  /**
   * One call with its events: the header's warning is said at the start; the answer's own
   * (`complete.warning`, the edge's and the node's joined by "; ") adds what the header did not say.
   */
  const run = async (events: RunEvents, signal: AbortSignal, call: (h: Handlers) => Promise<CompleteEvent>) => {
    let said = '';
    const d = await call({
      signal,
      onRetry: (message: string) => events.onWarning(message),
      onWarning: (text: string) => {
        said = text;
        events.onWarning(text);
      },
      onEvent(event: string, data: unknown) {
        if (event === 'queued') events.onQueued((data as QueuedEvent).position);
        if (event === 'progress') events.onProgress(data as ProgressEvent);
        if (event === 'preview') {
          const p = data as PreviewEvent;
          events.onPreview({ step: p.step, image: fromBase64(p.image), mime: p.mime });
        }
      },
    });
    const rest = said && d.warning?.startsWith(`${said}; `) ? d.warning.slice(said.length + 2) : d.warning;
    if (rest && rest !== said) events.onWarning(rest);
    return result(d);
  };

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
      return run(events, signal, (h) => api.generate(body, h));
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
      return run(events, signal, (h) => api.edit(a.sessionId, body, h));
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
