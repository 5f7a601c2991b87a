/**
 * The RAS sampler (DESIGN.md §3): flow-matching Euler steps, each dense or RAS,
 * with classifier-free guidance, per-image token selection shared by the CFG
 * pair, per-layer K/V caches and cached velocities for dropped tokens.
 * Runtime-free: the model is any `DitModel`.
 */
import { SamplingCancelledError } from './errors';
import { KvCache } from './kv-cache';
import type { DitModel, ModelOutputs } from './model';
import { gaussian } from './rng';
import type { StepKind } from './schedule';
import { policy, type SelectionPolicy } from './selection/policies';
import { selectTokens } from './selection/select';
import { type ResolvedRequest, resolveRequest, type SampleRequest } from './settings';

export interface StepTimings {
  /** The model forward. */
  modelMs: number;
  /** Scoring tokens and choosing the next step's set. */
  selectMs: number;
  /** K/V rows written into the cache. */
  scatterMs: number;
  /** Gathering inputs, guidance, Euler update, previews. */
  copyMs: number;
  totalMs: number;
}

export interface StepEvent {
  step: number;
  steps: number;
  kind: StepKind;
  sigma: number;
  /** Tokens run per image at this step. */
  tokensRun: number;
  /** [B, N]: 1 where the token was computed at this step. */
  mask: Uint8Array;
  /** [B, N, C·p·p] predicted clean image x − σ·v, on preview steps only. */
  predictedClean?: Float32Array;
  timings: StepTimings;
}

export interface SampleResult {
  request: ResolvedRequest;
  /** [B, N, C·p·p] final tokens. */
  tokens: Float32Array;
  /** Tokens run per image over all steps (steps·N when dense). */
  tokensRun: number;
  tokensDense: number;
  timings: StepTimings;
}

const zeroTimings = (): StepTimings => ({ modelMs: 0, selectMs: 0, scatterMs: 0, copyMs: 0, totalMs: 0 });

/** Initial noise: image b takes the counter-based stream of its own seed. */
export function initialNoise(seeds: number[], perImage: number): Float32Array {
  const x = new Float32Array(seeds.length * perImage);
  seeds.forEach((seed, b) => {
    gaussian(seed, 0, x.subarray(b * perImage, (b + 1) * perImage));
  });
  return x;
}

export class RasSampler {
  constructor(readonly model: DitModel) {}

  /** Validates `req` (throws SamplerConfigError) without running anything. */
  resolve(req: SampleRequest): ResolvedRequest {
    return resolveRequest(this.model.card, req);
  }

  /** Runs to the end; `onStep` sees every step event. */
  async sample(req: SampleRequest, onStep?: (e: StepEvent) => void): Promise<SampleResult> {
    const it = this.steps(req);
    for (;;) {
      const next = await it.next();
      if (next.done) return next.value;
      onStep?.(next.value);
    }
  }

  /** One event per step; the generator's return value is the result. */
  async *steps(req: SampleRequest): AsyncGenerator<StepEvent, SampleResult, void> {
    const run = new Run(this.model, this.resolve(req));
    for (let i = 0; i < run.r.steps; i++) {
      if (req.signal?.aborted) throw new SamplingCancelledError(i);
      yield await run.step(i);
    }
    return run.result();
  }
}

/** The explicit per-run state (diffusers' step_index pattern): owned by one request. */
class Run {
  readonly images: number;
  readonly rows: number;
  readonly dim: number;
  readonly x: Float32Array;
  readonly vel: Float32Array;
  readonly metric: Float32Array;
  readonly stale: Int32Array;
  readonly cache: KvCache;
  readonly condIds: BigInt64Array;
  readonly denseIndex: Int32Array;
  readonly policy: SelectionPolicy;
  selection: Int32Array | null = null;
  tokensRun = 0;
  totals = zeroTimings();

  constructor(
    readonly model: DitModel,
    readonly r: ResolvedRequest,
  ) {
    const card = model.card;
    this.images = r.cond.length;
    this.rows = r.guidance === 1 ? this.images : 2 * this.images;
    this.dim = card.token_dim;
    const n = r.tokens;
    this.x = initialNoise(r.seeds, n * this.dim);
    this.vel = new Float32Array(this.x.length);
    this.metric = new Float32Array(this.images * n);
    this.stale = new Int32Array(this.images * n);
    this.cache = new KvCache(card.layers, this.rows, card.heads, n, card.head_dim);
    this.condIds = BigInt64Array.from({ length: this.rows }, (_, row) =>
      BigInt(row < this.images ? r.cond[row] : r.negative),
    );
    this.denseIndex = Int32Array.from({ length: this.images * n }, (_, k) => k % n);
    this.policy = policy(r.ras.policy);
  }

  async step(i: number): Promise<StepEvent> {
    const t0 = performance.now();
    const { r, images } = this;
    const plan = r.plan[i];
    const n = plan.tokens;
    const index = plan.kind === 'dense' ? this.denseIndex : this.selection!;
    const inputs = this.gather(index, n, r.sigmas[i]);
    const t1 = performance.now();
    const out = await this.model.run(inputs);
    const t2 = performance.now();
    if (plan.kind === 'dense') this.cache.replace(out.kNew, out.vNew);
    else this.cache.scatter(out.kNew, out.vNew, index, n, images);
    const t3 = performance.now();
    this.guide(out, index, n);
    const mask = this.markComputed(index, n);
    const predictedClean = this.previewDue(i) ? this.predictClean(r.sigmas[i]) : undefined;
    const dt = r.sigmas[i + 1] - r.sigmas[i];
    for (let k = 0; k < this.x.length; k++) this.x[k] += dt * this.vel[k];
    const t4 = performance.now();
    this.score(index, n, i);
    const next = r.plan[i + 1];
    if (next?.kind === 'ras') this.select(next.tokens);
    const t5 = performance.now();
    this.tokensRun += n;
    const timings = {
      modelMs: t2 - t1,
      scatterMs: t3 - t2,
      selectMs: t5 - t4,
      copyMs: t1 - t0 + (t4 - t3),
      totalMs: t5 - t0,
    };
    for (const key of Object.keys(timings) as (keyof StepTimings)[]) this.totals[key] += timings[key];
    return {
      step: i,
      steps: r.steps,
      kind: plan.kind,
      sigma: r.sigmas[i],
      tokensRun: n,
      mask,
      predictedClean,
      timings,
    };
  }

  /** Model inputs for the selected tokens; a CFG pair's rows share one selection. */
  private gather(index: Int32Array, n: number, sigma: number) {
    const { rows, images, dim, r } = this;
    const x = new Float32Array(rows * n * dim);
    const tokenIndex = new BigInt64Array(rows * n);
    for (let row = 0; row < rows; row++) {
      const b = row % images;
      for (let t = 0; t < n; t++) {
        const j = index[b * n + t];
        const src = (b * r.tokens + j) * dim;
        x.set(this.x.subarray(src, src + dim), (row * n + t) * dim);
        tokenIndex[row * n + t] = BigInt(j);
      }
    }
    const timestep = new Float32Array(rows).fill(sigma * this.model.card.time.scale);
    const { k, v } = this.cache;
    return {
      x,
      tokenIndex,
      timestep,
      cond: this.condIds,
      kCache: k,
      vCache: v,
      rows,
      tokens: n,
      gridTokens: r.tokens,
      gridW: r.grid[1],
    };
  }

  /** Guided velocity v_u + g·(v_c − v_u) of the run tokens into the velocity cache. */
  private guide(out: ModelOutputs, index: Int32Array, n: number): void {
    const { images, dim, rows, r } = this;
    const g = r.guidance;
    const uncond = rows > images;
    for (let b = 0; b < images; b++) {
      for (let t = 0; t < n; t++) {
        const dst = (b * r.tokens + index[b * n + t]) * dim;
        const c = (b * n + t) * dim;
        const u = ((images + b) * n + t) * dim;
        for (let d = 0; d < dim; d++) {
          const vc = out.v[c + d];
          this.vel[dst + d] = uncond ? out.v[u + d] + g * (vc - out.v[u + d]) : vc;
        }
      }
    }
  }

  private markComputed(index: Int32Array, n: number): Uint8Array {
    const { images, r } = this;
    const mask = new Uint8Array(images * r.tokens);
    for (let k = 0; k < this.stale.length; k++) this.stale[k]++;
    for (let b = 0; b < images; b++) {
      for (let t = 0; t < n; t++) {
        const k = b * r.tokens + index[b * n + t];
        mask[k] = 1;
        this.stale[k] = 0;
      }
    }
    return mask;
  }

  private previewDue(i: number): boolean {
    const every = this.r.previewEvery;
    return every > 0 && ((i + 1) % every === 0 || i === this.r.steps - 1);
  }

  private predictClean(sigma: number): Float32Array {
    const out = new Float32Array(this.x.length);
    for (let k = 0; k < out.length; k++) out[k] = this.x[k] - sigma * this.vel[k];
    return out;
  }

  /** Updates the metric of the tokens just computed (dropped tokens keep theirs). */
  private score(index: Int32Array, n: number, step: number): void {
    const { images, dim, r } = this;
    const N = r.tokens;
    for (let b = 0; b < images; b++) {
      const vel = this.vel.subarray(b * N * dim, (b + 1) * N * dim);
      const tokens = index.subarray(b * n, (b + 1) * n);
      this.policy.score(vel, dim, tokens, this.metric.subarray(b * N, (b + 1) * N), { seed: r.seeds[b], step });
    }
  }

  private select(n: number): void {
    const { images, r } = this;
    const N = r.tokens;
    const sel = new Int32Array(images * n);
    const opts = { highRatio: r.ras.highRatio, starvationScale: r.ras.starvationScale, maxStale: r.ras.maxStale };
    for (let b = 0; b < images; b++) {
      const metric = this.metric.subarray(b * N, (b + 1) * N);
      const stale = this.stale.subarray(b * N, (b + 1) * N);
      selectTokens(metric, stale, sel.subarray(b * n, (b + 1) * n), opts);
    }
    this.selection = sel;
  }

  result(): SampleResult {
    const { r } = this;
    return {
      request: r,
      tokens: this.x,
      tokensRun: this.tokensRun,
      tokensDense: r.steps * r.tokens,
      timings: this.totals,
    };
  }
}
