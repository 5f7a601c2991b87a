/**
 * The node's engine: models from the registry, admission, sampling with
 * progress and previews, sessions with region edits. Transports (gRPC,
 * gRPC-Web) call it; it knows nothing of them.
 */

import type { Pipeline } from '../pipelines/pipeline';
import { PipelineRegistry, type Pipelines } from '../pipelines/registry';
import { pixelsPerToken } from '../runtime/card';
import { DeviceLostError } from '../runtime/device-errors';
import type { OnnxDitModel, RuntimeOptions } from '../runtime/onnx-model';
import { DEFAULT_MODEL } from '../runtime/registry';
import { quote } from '../sampler/errors';
import type { DitModel } from '../sampler/model';
import { type SampleResult, sample } from '../sampler/sampler';
import { type ResolvedRequest, resolveRequest, withRecording } from '../sampler/settings';
import type { Trajectory } from '../sampler/trajectory';
import { Admission } from './admission';
import { toEngineError } from './errors';
import { encodePng } from './images';
import { modelInfo } from './model-info';
import { toSampleRequest } from './params';
import { describeBackend, sameBackend } from './sessions/backend';
import { editedPixels } from './sessions/pixels';
import { conditioningOf, conditionsOf, editOf, editRequest, recipeOf } from './sessions/recipe';
import { type Replayer, trajectoryOf } from './sessions/replay';
import { SessionStore, type SessionStoreOptions } from './sessions/store';
import { chooseKvEvery } from './sessions/trajectory-budget';
import { stepEvents } from './step-events';
import {
  type EditParams,
  type Engine,
  EngineError,
  type GenerateParams,
  type GenerateResult,
  type ModelInfo,
  type RunOptions,
  type SessionInfo,
} from './types';

export interface EngineOptions {
  /** Directory of `<name>/model.json` cards (default: the committed models). */
  modelsDir?: string;
  /** Pipelines to serve instead of `modelsDir`'s (tests: a transformer in TypeScript beside real stages). */
  pipelines?: Pipelines;
  /** The model `listModels` names first where this node serves it (the others follow by name; default DEFAULT_MODEL). */
  defaultModel?: string;
  runtime?: RuntimeOptions;
  /** Samplings running at once (default 1: one model run saturates the device). */
  maxConcurrent?: number;
  /** Requests waiting for a slot before RESOURCE_EXHAUSTED (default 8). */
  maxQueue?: number;
  sessions?: SessionStoreOptions;
  /** Largest trajectory kept per version, in bytes (sets how often K/V is kept). */
  maxTrajectoryBytes?: number;
  /** Operational messages (replays); default: stderr. */
  log?: (message: string) => void;
  /** The GPU is gone: the node should stop taking work (health NOT_SERVING). */
  onDeviceLost?: (e: Error) => void;
}

export type NodeEngineApi = Engine & {
  admission: Admission;
  sessions: SessionStore;
  readonly replays: number;
  /** A model's pipeline (for the bench and the tests: what its stages did). */
  pipeline(name: string): Promise<Pipeline<OnnxDitModel>>;
};

export async function createEngine(opts: EngineOptions = {}): Promise<NodeEngineApi> {
  const registry = opts.pipelines ?? (await PipelineRegistry.scan(opts.modelsDir, opts.runtime));
  const admission = new Admission(opts.maxConcurrent ?? 1, opts.maxQueue ?? 8);
  const sessions = await SessionStore.open(opts.sessions);
  const log = opts.log ?? ((m: string) => console.error(`gpu-node: ${m}`));
  const trajectoryBytes = opts.maxTrajectoryBytes ?? 24 * 2 ** 20;
  const engine = new NodeEngine(
    registry,
    admission,
    sessions,
    trajectoryBytes,
    log,
    opts.defaultModel ?? DEFAULT_MODEL,
  );
  engine.onDeviceLost = opts.onDeviceLost;
  return engine;
}

class NodeEngine implements Engine {
  /** Versions rebuilt by replay because their trajectory was gone or corrupt. */
  replays = 0;
  onDeviceLost?: (e: Error) => void;

  constructor(
    private readonly registry: Pipelines,
    readonly admission: Admission,
    readonly sessions: SessionStore,
    private readonly maxTrajectoryBytes: number,
    private readonly log: (message: string) => void,
    private readonly defaultModel: string,
  ) {}

  pipeline(name: string): Promise<Pipeline<OnnxDitModel>> {
    return this.registry.get(name);
  }

  /** Every model, the default first (clients offer the first that serves some size well), the others by name. */
  async listModels(): Promise<ModelInfo[]> {
    const names = this.registry.names();
    const ordered = names.includes(this.defaultModel)
      ? [this.defaultModel, ...names.filter((n) => n !== this.defaultModel)]
      : names;
    const models = await Promise.all(ordered.map((n) => this.registry.get(n)));
    return models.map(({ card, transformer }) => modelInfo(card, transformer.backend));
  }

  async generate(params: GenerateParams, opts: RunOptions = {}): Promise<GenerateResult> {
    return this.guarded(async () => {
      const known = this.registry.names();
      if (!known.includes(params.model))
        throw new EngineError('NOT_FOUND', `model: unknown model ${quote(params.model)}; known: ${known.join(', ')}`);
      const pipeline = await this.registry.get(params.model);
      const { card, transformer: model } = pipeline;
      const conditions = conditionsOf(pipeline, params); // checked (unknown words named) before anything is encoded
      const conditioning = await pipeline.conditioning([conditions.cond], conditions.negative);
      const request = toSampleRequest(card, params, conditioning);
      const r = resolveRequest(card, { ...request, previewEvery: previewEvery(opts) });
      const kvEvery = chooseKvEvery(card, r.steps, r.tokens, r.guidance !== 1, this.maxTrajectoryBytes);
      const resolved = withRecording(r, kvEvery);
      const recipe = recipeOf(params, resolved, pixelsPerToken(card), conditions);
      const negative = pipeline.warnings(conditions.negative).map((w) => `negative: ${w}`);
      const warnings = [...pipeline.warnings(conditions.cond), ...negative];
      return this.admitted(opts, async (queueMs) => {
        const out = await this.run(model, resolved, opts);
        const png = await this.png(pipeline, out);
        const meta = await this.sessions.create(recipe, out.trajectory!, png, model.backend);
        return { ...this.result(meta.id, 1, png, model, queueMs, out), warnings };
      });
    });
  }

  async edit(params: EditParams, opts: RunOptions = {}): Promise<GenerateResult> {
    return this.guarded(async () => {
      const meta = await this.sessions.editable(params.sessionId, params.restoreState);
      const parent = this.sessions.version(meta.id, params.version).version;
      const pipeline = await this.registry.get(meta.recipe.model);
      const model = pipeline.transformer;
      if (!sameBackend(meta.backend, model.backend))
        this.log(
          `session ${meta.id}: sampled on ${describeBackend(meta.backend)}, replayed and edited on ${describeBackend(model.backend)}`,
        );
      const edit = editOf(pipeline, meta.recipe, params);
      // The session's prompts were encoded when it was made: the pipeline still holds their embeddings.
      const conditioning = await conditioningOf(pipeline, meta.recipe, edit);
      const request = { ...editRequest(meta.recipe, edit, conditioning), previewEvery: previewEvery(opts) };
      const resolved = resolveRequest(model.card, request); // before admission: a bad override never queues
      const warnings = pipeline.warnings(edit.cond);
      return this.admitted(opts, async (queueMs) => {
        const base = await trajectoryOf(this.replayer(pipeline), meta, parent);
        const out = await this.run(model, resolved, opts, base);
        const decoded = await pipeline.decode(out.request.grid, out.tokens, 0);
        const pixels = await editedPixels(this.replayer(pipeline), meta, parent, edit, decoded, out.request.grid);
        const png = encodePng(pixels);
        const version = await this.sessions.addEdit(meta.id, parent, edit, out.trajectory!, png, model.backend);
        return { ...this.result(meta.id, version, png, model, queueMs, out), warnings };
      });
    });
  }

  async getSession(id: string): Promise<SessionInfo> {
    return this.guarded(async () => this.sessions.info(id));
  }

  async deleteSession(id: string): Promise<void> {
    return this.guarded(() => this.sessions.delete(id));
  }

  /** Runs `fn` converting every failure to an EngineError. */
  private async guarded<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof DeviceLostError) this.onDeviceLost?.(e);
      throw toEngineError(e);
    }
  }

  /** Runs `fn` in an admission slot; tells the caller when it has to queue. */
  private async admitted<T>(opts: RunOptions, fn: (queueMs: number) => Promise<T>): Promise<T> {
    const queued = performance.now();
    const release = await this.admission.acquire(opts.signal, (position) =>
      opts.onEvent?.({ type: 'queued', position }),
    );
    try {
      return await fn(performance.now() - queued);
    } finally {
      release();
    }
  }

  /** Rebuilds lost trajectories of `model`'s sessions, counting them in `replays`. */
  private replayer(pipeline: Pipeline): Replayer {
    return { sessions: this.sessions, pipeline, log: this.log, onReplayed: () => this.replays++ };
  }

  /** Samples `r`, turning its steps into progress and preview events. */
  private async run(model: DitModel, r: ResolvedRequest, opts: RunOptions, base?: Trajectory) {
    const stepMs: number[] = [];
    const out = await sample(model, r, {
      base,
      signal: opts.signal,
      onStep: (e) => {
        stepMs.push(e.timings.totalMs);
        for (const ev of stepEvents(model.card, r.grid, e, opts.preview)) opts.onEvent?.(ev);
      },
    });
    return { ...out, stepMs };
  }

  /** The result's pixels through the pipeline's decoder stage. */
  private async png(pipeline: Pipeline, out: SampleResult): Promise<Uint8Array> {
    return encodePng(await pipeline.decode(out.request.grid, out.tokens, 0));
  }

  private result(
    sessionId: string,
    version: number,
    png: Uint8Array,
    model: OnnxDitModel,
    queueMs: number,
    out: SampleResult & { stepMs: number[] },
  ): Omit<GenerateResult, 'warnings'> {
    const [rows, cols] = out.request.grid;
    const stepTotal = out.stepMs.reduce((s, v) => s + v, 0);
    return {
      sessionId,
      version,
      png,
      width: cols * pixelsPerToken(model.card),
      height: rows * pixelsPerToken(model.card),
      timings: { queueMs, totalMs: queueMs + stepTotal, stepMs: out.stepMs },
      tokensRun: out.tokensRun,
      tokensTotal: out.tokensDense,
      sessionState: this.sessions.state(sessionId),
      backend: model.backend,
    };
  }
}

/** How often the run computes a preview (0: never). */
function previewEvery(opts: RunOptions): number {
  return opts.preview?.every ?? 0;
}
