/**
 * Node events (ras.v1.Event) as the edge's SSE events (docs/design.md#http-api), in the
 * JSON shapes of `@ras/shared/http`.
 */
import { ras } from '@ras/shared';
import type { CompleteEvent, PreviewEvent, ProgressEvent, QueuedEvent } from '@ras/shared/http';
import { toBase64 } from './base64';

/** One SSE event: its name and its data. */
export type HttpEvent =
  | { event: 'queued'; data: QueuedEvent }
  | { event: 'progress'; data: ProgressEvent }
  | { event: 'preview'; data: PreviewEvent };

/** The SSE event for a non-result node event; undefined for a Result (see `toComplete`). */
export function toHttpEvent(e: ras.v1.Event): HttpEvent | undefined {
  if (e.queued) return { event: 'queued', data: { position: e.queued.position } };
  if (e.progress) {
    const p = e.progress;
    const kind = p.kind === ras.v1.StepKind.STEP_KIND_RAS ? 'ras' : 'dense';
    return {
      event: 'progress',
      data: { step: p.step, steps: p.steps, kind, tokensRun: p.tokensRun, tokens: p.tokens, stepMs: p.stepMs },
    };
  }
  if (e.preview) {
    const p = e.preview;
    return {
      event: 'preview',
      data: {
        step: p.step,
        image: toBase64(p.image),
        mime: p.mime === 'image/jpeg' ? 'image/jpeg' : 'image/png',
        width: p.width,
        height: p.height,
        focus: toBase64(p.focus),
        gridRows: p.gridRows,
        gridCols: p.gridCols,
      },
    };
  }
  return undefined;
}

/**
 * The `complete` event for a node Result, with the answer's warning if it has one: the edge's own
 * (`warning`: a size, a backend) and the node's (`r.warnings`: a prompt cut), joined by "; ".
 */
export function toComplete(r: ras.v1.Result, edgeMs: number, rehomed: boolean, warning?: string | null): CompleteEvent {
  const t = r.timings;
  const text = [warning, ...(r.warnings ?? [])].filter(Boolean).join('; ');
  return {
    sessionId: r.sessionId,
    version: r.version,
    png: toBase64(r.png),
    width: r.width,
    height: r.height,
    timings: { queueMs: t?.queueMs ?? 0, totalMs: t?.totalMs ?? 0, stepMs: t?.stepMs ?? [], edgeMs },
    tokensRun: r.tokensRun,
    tokensTotal: r.tokensTotal,
    speedup: r.tokensRun > 0 ? r.tokensTotal / r.tokensRun : 1,
    rehomed,
    ...(text ? { warning: text } : {}),
  };
}
