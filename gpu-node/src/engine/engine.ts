/**
 * The node's engine: models from the registry, admission, sampling with
 * progress and previews, sessions with region edits. Transports (gRPC,
 * gRPC-Web) call it; it knows nothing of them.
 */
import { DeviceLostError, DeviceMemoryError } from '../runtime/device-errors';
import type { RuntimeOptions } from '../runtime/onnx-model';
import { ModelRegistry } from '../runtime/registry';
import { quote, SamplerConfigError, SamplingCancelledError } from '../sampler/errors';
import type { DitModel } from '../sampler/model';
import { RasSampler } from '../sampler/sampler';
import type { SampleRequest } from '../sampler/settings';
import { tokensToImage } from '../sampler/tokens';
import { regionMask, type Trajectory } from '../sampler/trajectory';
import { Admission } from './admission';
import { encodePng } from './images';
import { modelInfo } from './model-info';
import { checkSeed, classId, toSampleRequest } from './params';
import { regionTokens } from './region';
import { MAX_VERSIONS } from './sessions/portable-state';
import { checkSessionId } from './sessions/session-id';
import { SessionStore, type SessionStoreOptions } from './sessions/store';
import { chooseKvEvery } from './sessions/trajectory-budget';
import type { ResolvedRecipe, SessionMeta } from './sessions/types';
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

export type NodeEngineApi = Engine & { admission: Admission; sessions: SessionStore; readonly replays: number };

export async function createEngine(opts: EngineOptions = {}): Promise<NodeEngineApi> {
  const registry = await ModelRegistry.scan(opts.modelsDir, opts.runtime);
  const admission = new Admission(opts.maxConcurrent ?? 1, opts.maxQueue ?? 8);
  const sessions = await SessionStore.open(opts.sessions);
  const log = opts.log ?? ((m: string) => console.error(`gpu-node: ${m}`));
  const engine = new NodeEngine(registry, admission, sessions, opts.maxTrajectoryBytes ?? 24 * 2 ** 20, log);
  engine.onDeviceLost = opts.onDeviceLost;
  return engine;
}

/** Converts the sampler's errors to EngineErrors (the node's one error type). */
function engineError(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  if (e instanceof SamplerConfigError) return new EngineError('INVALID_ARGUMENT', e.message, e.field);
  if (e instanceof SamplingCancelledError) return new EngineError('CANCELLED', e.message);
  if (e instanceof DeviceMemoryError) {
    return new EngineError('RESOURCE_EXHAUSTED', `${e.message}; retry, or ask for a smaller image`, undefined, 1000);
  }
  if (e instanceof DeviceLostError) return new EngineError('UNAVAILABLE', e.message);
  return new EngineError('INTERNAL', `internal error: ${(e as Error)?.message ?? e}`);
}

class NodeEngine implements Engine {
  /** Versions rebuilt by replay because their trajectory was gone or corrupt. */
  replays = 0;
  onDeviceLost?: (e: Error) => void;

  constructor(
    private readonly registry: ModelRegistry,
    readonly admission: Admission,
    readonly sessions: SessionStore,
    private readonly maxTrajectoryBytes: number,
    private readonly log: (message: string) => void,
  ) {}

  async listModels(): Promise<ModelInfo[]> {
    const models = await Promise.all(this.registry.names().map((n) => this.registry.get(n)));
    return models.map(({ card }) => modelInfo(card));
  }

  async generate(params: GenerateParams, opts: RunOptions = {}): Promise<GenerateResult> {
    return this.guarded(async () => {
      const known = this.registry.names();
      if (!known.includes(params.model))
        throw new EngineError('NOT_FOUND', `model: unknown model ${quote(params.model)}; known: ${known.join(', ')}`);
      const model = await this.registry.get(params.model);
      const request = toSampleRequest(model.card, params);
      const r = new RasSampler(model).resolve(request);
      const kvEvery = chooseKvEvery(model.card, r.steps, r.tokens, r.guidance !== 1, this.maxTrajectoryBytes);
      const recipe: ResolvedRecipe = {
        ...params,
        cond: r.cond[0],
        negative: r.negative,
        guidance: r.guidance,
        steps: r.steps,
        width: r.grid[1] * model.card.patch,
        height: r.grid[0] * model.card.patch,
        grid: r.grid,
        ras: r.ras,
        kvEvery,
      };
      return this.admitted(opts, async (queueMs) => {
        const out = await this.run(model, this.recipeRequest(recipe), opts);
        const png = this.png(model, out.tokens, r.grid);
        const meta = await this.sessions.create(recipe, out.trajectory!, png);
        return this.result(meta.id, 1, png, r.grid, model, queueMs, out);
      });
    });
  }

  async edit(params: EditParams, opts: RunOptions = {}): Promise<GenerateResult> {
    return this.guarded(async () => {
      checkSessionId(params.sessionId);
      if (params.restoreState && !this.sessions.has(params.sessionId))
        await this.sessions.adopt(params.sessionId, params.restoreState); // re-homing
      const meta = this.sessions.meta(params.sessionId);
      if (meta.versions.length >= MAX_VERSIONS)
        throw new EngineError(
          'FAILED_PRECONDITION',
          `session_id: the session has its ${MAX_VERSIONS} versions, the most one session keeps; start a new generation`,
          'session_id',
        );
      const base = this.sessions.version(params.sessionId, params.version);
      const model = await this.registry.get(meta.recipe.model);
      const grid = meta.recipe.grid;
      const region = regionTokens(params, grid, model.card.patch);
      const cond = params.cond === undefined ? meta.recipe.cond : classId(model.card, 'cond', params.cond);
      const seed = checkSeed(params.seed ?? meta.recipe.seed);
      const ras = { ...meta.recipe.ras, ...params.ras };
      const edit = { region: [...region.keys()].filter((j) => region[j]), cond, seed, ras };
      new RasSampler(model).resolve({ ...this.recipeRequest(meta.recipe), ras }); // checks the overrides early
      return this.admitted(opts, async (queueMs) => {
        const baseT = await this.trajectoryOf(meta, base.version, model);
        const out = await this.run(model, this.editRequest(meta.recipe, edit, baseT), opts);
        const png = this.png(model, out.tokens, grid);
        const version = meta.versions.length + 1;
        await this.sessions.addVersion(
          meta.id,
          { version, parent: base.version, edit, createdAt: Date.now() },
          out.trajectory!,
          png,
        );
        return this.result(meta.id, version, png, grid, model, queueMs, out);
      });
    });
  }

  async getSession(id: string): Promise<SessionInfo> {
    return this.guarded(async () => this.sessions.info(id));
  }

  async deleteSession(id: string): Promise<void> {
    return this.guarded(() => this.sessions.delete(id));
  }

  /** The version's trajectory: cached, or rebuilt by replaying the recipe and edits. */
  private async trajectoryOf(meta: SessionMeta, version: number, model: DitModel): Promise<Trajectory> {
    const cached = await this.sessions.trajectory(meta.id, version);
    if (cached) return cached;
    const v = this.sessions.version(meta.id, version);
    this.log(`session ${meta.id} v${version}: trajectory evicted, lost or corrupt; rebuilding by replay`);
    const request =
      v.parent === null || !v.edit
        ? this.recipeRequest(meta.recipe)
        : this.editRequest(meta.recipe, v.edit, await this.trajectoryOf(meta, v.parent, model));
    const out = await new RasSampler(model).sample(request);
    this.replays++;
    await this.sessions.restore(meta.id, version, out.trajectory!);
    return out.trajectory!;
  }

  /** Runs `fn` converting every failure to an EngineError. */
  private async guarded<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof DeviceLostError) this.onDeviceLost?.(e);
      throw engineError(e);
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

  private async run(model: DitModel, request: SampleRequest, opts: RunOptions) {
    const grid = request.grid!;
    const stepMs: number[] = [];
    const out = await new RasSampler(model).sample(
      { ...request, previewEvery: opts.preview?.every ?? 0, signal: opts.signal },
      (e) => {
        stepMs.push(e.timings.totalMs);
        for (const ev of stepEvents(model.card, grid, e, opts.preview)) opts.onEvent?.(ev);
      },
    );
    return { ...out, stepMs };
  }

  private png(model: DitModel, tokens: Float32Array, grid: [number, number]): Uint8Array {
    return encodePng(tokensToImage(model.card, grid, tokens, 0));
  }

  private result(
    sessionId: string,
    version: number,
    png: Uint8Array,
    grid: [number, number],
    model: DitModel,
    queueMs: number,
    out: { stepMs: number[]; tokensRun: number; tokensDense: number },
  ): GenerateResult {
    const stepTotal = out.stepMs.reduce((s, v) => s + v, 0);
    return {
      sessionId,
      version,
      png,
      width: grid[1] * model.card.patch,
      height: grid[0] * model.card.patch,
      timings: { queueMs, totalMs: queueMs + stepTotal, stepMs: out.stepMs },
      tokensRun: out.tokensRun,
      tokensTotal: out.tokensDense,
      sessionState: this.sessions.state(sessionId),
    };
  }

  private recipeRequest(recipe: ResolvedRecipe): SampleRequest {
    return {
      cond: [recipe.cond],
      negative: recipe.negative,
      seeds: [recipe.seed],
      steps: recipe.steps,
      guidance: recipe.guidance,
      grid: recipe.grid,
      ras: recipe.ras,
      record: { kvEvery: recipe.kvEvery },
    };
  }

  private editRequest(
    recipe: ResolvedRecipe,
    edit: NonNullable<SessionMeta['versions'][0]['edit']>,
    base: Trajectory,
  ): SampleRequest {
    return {
      ...this.recipeRequest(recipe),
      cond: [edit.cond],
      seeds: [edit.seed],
      ras: edit.ras,
      edit: { base, region: regionMask(base.grid[0] * base.grid[1], edit.region) },
    };
  }
}
