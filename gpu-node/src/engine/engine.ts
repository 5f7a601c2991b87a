/**
 * The node's engine: models from the registry, admission, sampling with
 * progress and previews, sessions. Transports (gRPC, gRPC-Web) call it; it
 * knows nothing of them.
 */

import type { RuntimeOptions } from '../runtime/onnx-model';
import { ModelRegistry } from '../runtime/registry';
import { SamplerConfigError, SamplingCancelledError } from '../sampler/errors';
import type { ModelCard } from '../sampler/model';
import { RasSampler, type StepEvent } from '../sampler/sampler';
import { tokensToImage } from '../sampler/tokens';
import { Admission } from './admission';
import { downscale, encodeJpeg, encodePng } from './images';
import { toSampleRequest } from './params';
import { SessionStore } from './sessions';
import {
  type EditParams,
  type Engine,
  EngineError,
  type EngineEvent,
  type GenerateParams,
  type GenerateResult,
  type ModelInfo,
  type RunOptions,
  type SessionInfo,
} from './types';

export interface EngineOptions {
  /** Directory of `<name>/model.json` cards (default: the committed models). */
  modelsDir?: string;
  runtime?: RuntimeOptions;
  /** Samplings running at once (default 1: one model run saturates the device). */
  maxConcurrent?: number;
  /** Requests waiting for a slot before RESOURCE_EXHAUSTED (default 8). */
  maxQueue?: number;
}

export async function createEngine(opts: EngineOptions = {}): Promise<Engine & { admission: Admission }> {
  const registry = await ModelRegistry.scan(opts.modelsDir, opts.runtime);
  return new NodeEngine(registry, new Admission(opts.maxConcurrent ?? 1, opts.maxQueue ?? 8), new SessionStore());
}

/** Converts the sampler's errors to EngineErrors (the node's one error type). */
function engineError(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  if (e instanceof SamplerConfigError) return new EngineError('INVALID_ARGUMENT', e.message, e.field);
  if (e instanceof SamplingCancelledError) return new EngineError('CANCELLED', e.message);
  return new EngineError('INTERNAL', `internal error: ${(e as Error)?.message ?? e}`);
}

class NodeEngine implements Engine {
  constructor(
    private readonly registry: ModelRegistry,
    readonly admission: Admission,
    private readonly sessions: SessionStore,
  ) {}

  async listModels(): Promise<ModelInfo[]> {
    const models = await Promise.all(this.registry.names().map((n) => this.registry.get(n)));
    return models.map(({ card }) => ({
      name: card.name,
      labels: card.cond.labels ?? [],
      width: card.grid.default[1] * card.patch,
      height: card.grid.default[0] * card.patch,
      patch: card.patch,
      recommendedSteps: card.recommended.steps,
      recommendedGuidance: card.recommended.guidance,
    }));
  }

  async generate(params: GenerateParams, opts: RunOptions = {}): Promise<GenerateResult> {
    try {
      const model = await this.registry.get(params.model);
      const sampler = new RasSampler(model);
      const request = toSampleRequest(model.card, params);
      const resolved = sampler.resolve(request);
      const queued = performance.now();
      const release = await this.admission.acquire(opts.signal, (position) =>
        opts.onEvent?.({ type: 'queued', position }),
      );
      const queueMs = performance.now() - queued;
      try {
        const stepMs: number[] = [];
        const res = await sampler.sample(
          { ...request, previewEvery: opts.preview?.every ?? 0, signal: opts.signal },
          (e) => {
            stepMs.push(e.timings.totalMs);
            for (const ev of stepEvents(model.card, resolved.grid, e, opts)) opts.onEvent?.(ev);
          },
        );
        const image = tokensToImage(model.card, resolved.grid, res.tokens, 0);
        const png = encodePng(image);
        const session = this.sessions.create(params, png);
        return {
          sessionId: session.id,
          version: 1,
          png,
          width: image.width,
          height: image.height,
          timings: { queueMs, totalMs: performance.now() - queued, stepMs },
          tokensRun: res.tokensRun,
          tokensTotal: res.tokensDense,
        };
      } finally {
        release();
      }
    } catch (e) {
      throw engineError(e);
    }
  }

  async edit(params: EditParams): Promise<GenerateResult> {
    this.sessions.info(params.sessionId);
    throw new EngineError('UNAVAILABLE', 'region edit is not available on this node yet');
  }

  async getSession(id: string): Promise<SessionInfo> {
    return this.sessions.info(id);
  }

  async deleteSession(id: string): Promise<void> {
    this.sessions.delete(id);
  }
}

/** Progress for every step; a preview (image + focus map) on the steps that have one. */
function stepEvents(card: ModelCard, grid: [number, number], e: StepEvent, opts: RunOptions): EngineEvent[] {
  const tokens = grid[0] * grid[1];
  const events: EngineEvent[] = [
    {
      type: 'progress',
      step: e.step,
      steps: e.steps,
      kind: e.kind,
      tokensRun: e.tokensRun,
      tokens,
      stepMs: e.timings.totalMs,
    },
  ];
  if (e.predictedClean && opts.preview) {
    const img = downscale(tokensToImage(card, grid, e.predictedClean, 0), opts.preview.maxSide ?? 256);
    const jpeg = opts.preview.format === 'jpeg';
    events.push({
      type: 'preview',
      step: e.step,
      image: jpeg ? encodeJpeg(img) : encodePng(img),
      mime: jpeg ? 'image/jpeg' : 'image/png',
      width: img.width,
      height: img.height,
      focus: e.mask.slice(0, tokens),
      gridRows: grid[0],
      gridCols: grid[1],
    });
  }
  return events;
}
