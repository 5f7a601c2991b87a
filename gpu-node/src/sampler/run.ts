/**
 * The explicit state of one sampling run (diffusers' step_index pattern),
 * owned by one request: tokens, cached velocities, metrics, staleness, K/V
 * caches, and — for an edit — the base trajectory every outside token follows.
 */

import { type SampleResult, type StepEvent, type StepTimings, zeroTimings } from './events';
import { KvCache } from './kv-cache';
import type { DitModel, ModelInputs, ModelOutputs } from './model';
import { gaussian, initialNoise } from './rng';
import { policy, type SelectionPolicy } from './selection/policies';
import { selectTokens } from './selection/select';
import type { ResolvedRequest } from './settings';
import { kvAt, type Trajectory } from './trajectory';

export class Run {
  readonly images: number;
  readonly rows: number;
  readonly dim: number;
  readonly x: Float32Array;
  readonly vel: Float32Array;
  readonly metric: Float32Array;
  readonly stale: Int32Array;
  readonly cache: KvCache;
  readonly condIds: BigInt64Array;
  /** What a dense step runs: every region token of every image, [images, m]. */
  readonly denseIndex: Int32Array;
  readonly policy: SelectionPolicy;
  readonly outside: Int32Array;
  readonly recorded: Trajectory | undefined;
  selection: Int32Array | null = null;
  /** The base K array the cache's outside rows were last taken from. */
  private baseK: Float32Array | null = null;
  tokensRun = 0;
  totals = zeroTimings();

  constructor(
    readonly model: DitModel,
    readonly r: ResolvedRequest,
    readonly base?: Trajectory,
  ) {
    const card = model.card;
    const n = r.tokens;
    this.images = r.cond.length;
    this.rows = r.guidance === 1 ? this.images : 2 * this.images;
    this.dim = card.token_dim;
    this.x = base ? this.editStart(base) : initialNoise(r.seeds, n * this.dim);
    this.vel = new Float32Array(this.x.length);
    this.metric = new Float32Array(this.images * n);
    this.stale = new Int32Array(this.images * n);
    this.cache = new KvCache(card.layers, this.rows, card.heads, n, card.head_dim);
    this.condIds = BigInt64Array.from({ length: this.rows }, (_, row) =>
      BigInt(row < this.images ? r.cond[row] : r.negative),
    );
    const m = r.region.length;
    this.denseIndex = Int32Array.from({ length: this.images * m }, (_, k) => r.region[k % m]);
    const inRegion = new Uint8Array(n);
    for (const j of r.region) inRegion[j] = 1;
    this.outside = Int32Array.from(inRegion.keys()).filter((j) => !inRegion[j]);
    this.policy = policy(r.ras.policy);
    if (r.kvEvery !== null) {
      const { grid, steps } = r;
      this.recorded = { grid, steps, dim: this.dim, rows: this.rows, kvEvery: r.kvEvery, x: [], k: [], v: [] };
    }
  }

  /** Base x_0 outside the region; fresh noise of the request's seed inside. */
  private editStart(base: Trajectory): Float32Array {
    const x = base.x[0].slice();
    const dim = this.dim;
    const noise = new Float32Array(dim);
    for (const j of this.r.region) {
      gaussian(this.r.seeds[0], j * dim, noise);
      x.set(noise, j * dim);
    }
    return x;
  }

  async step(i: number): Promise<StepEvent> {
    const t0 = performance.now();
    const { r, images } = this;
    const plan = r.plan[i];
    const n = plan.tokens;
    const index = plan.kind === 'dense' ? this.denseIndex : this.selection!;
    if (this.base) this.followBaseContext(i);
    this.recorded?.x.push(this.x.slice());
    const inputs = this.gather(index, n, r.sigmas[i]);
    const t1 = performance.now();
    const out = await this.model.run(inputs);
    const t2 = performance.now();
    if (n === r.tokens) this.cache.replace(out.kNew, out.vNew);
    else this.cache.scatter(out.kNew, out.vNew, index, n, images);
    this.keepKv(i);
    const t3 = performance.now();
    this.guide(out, index, n);
    const mask = this.markComputed(index, n);
    const predictedClean = this.previewDue(i) ? this.predictClean(r.sigmas[i]) : undefined;
    const dt = r.sigmas[i + 1] - r.sigmas[i];
    for (let k = 0; k < this.x.length; k++) this.x[k] += dt * this.vel[k];
    if (this.base) this.followBaseTokens(i + 1);
    const t4 = performance.now();
    this.score(index, n, i);
    const next = r.plan[i + 1];
    if (next?.kind === 'ras') this.select(next.tokens);
    const t5 = performance.now();
    this.tokensRun += n;
    const timings: StepTimings = {
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

  /**
   * Outside tokens' K/V rows for step i come from the base run; the region keeps
   * its own. Steps that share the base's kept K/V need no copy: the outside rows
   * are already those.
   */
  private followBaseContext(i: number): void {
    const kv = kvAt(this.base!, i);
    if (kv.k === this.baseK) return;
    this.cache.rebase(kv, this.r.region);
    this.baseK = kv.k;
  }

  /** Outside tokens take the base's x exactly: the image there cannot change. */
  private followBaseTokens(step: number): void {
    const src = this.base!.x[step];
    const dim = this.dim;
    for (const j of this.outside) this.x.set(src.subarray(j * dim, (j + 1) * dim), j * dim);
  }

  private keepKv(i: number): void {
    const rec = this.recorded;
    if (!rec) return;
    const kept = i % rec.kvEvery === 0 ? this.cache.share() : null;
    rec.k.push(kept?.k ?? null);
    rec.v.push(kept?.v ?? null);
  }

  /** Model inputs for the selected tokens; a CFG pair's rows share one selection. */
  private gather(index: Int32Array, n: number, sigma: number): ModelInputs {
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

  /** Chooses the next RAS step's tokens per image, among the region's tokens. */
  private select(n: number): void {
    const { images, r } = this;
    const N = r.tokens;
    const region = r.region;
    const whole = region.length === N;
    const sel = new Int32Array(images * n);
    const opts = { highRatio: r.ras.highRatio, starvationScale: r.ras.starvationScale, maxStale: r.ras.maxStale };
    for (let b = 0; b < images; b++) {
      const metric = this.metric.subarray(b * N, (b + 1) * N);
      const stale = this.stale.subarray(b * N, (b + 1) * N);
      const out = sel.subarray(b * n, (b + 1) * n);
      if (whole) {
        selectTokens(metric, stale, out, opts);
        continue;
      }
      selectTokens(
        Float32Array.from(region, (j) => metric[j]),
        Int32Array.from(region, (j) => stale[j]),
        out,
        opts,
      );
      for (let t = 0; t < n; t++) out[t] = region[out[t]];
    }
    this.selection = sel;
  }

  result(): SampleResult {
    const { r } = this;
    this.recorded?.x.push(this.x.slice());
    return {
      request: r,
      tokens: this.x,
      trajectory: this.recorded,
      tokensRun: this.tokensRun,
      tokensDense: r.steps * r.tokens,
      timings: this.totals,
    };
  }
}
