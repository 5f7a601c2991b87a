/**
 * The explicit state of one sampling run (diffusers' step_index pattern),
 * owned by one request: tokens, cached velocities, metrics, staleness, the
 * model's K/V caches, and — for an edit — the base trajectory every outside
 * token follows. `step()` orchestrates: the solver (`scheduler.ts`), guidance
 * (`guidance.ts`), selection (`selection/`) and the model's caches each have
 * their own room.
 */

import { stackRows } from './conditioning';
import { type SampleResult, type StepEvent, type StepTimings, zeroTimings } from './events';
import { guide } from './guidance';
import type { Conditioning, DitModel, KvCaches, ModelInputs } from './model';
import { gaussian, initialNoise } from './rng';
import { FlowMatchEuler, type Scheduler } from './scheduler';
import { type SelectionPolicy, selectionPolicy } from './selection/policies';
import { selectTokens } from './selection/select';
import type { ResolvedRequest } from './settings';
import { toVelocity } from './time';
import { kvAt, type Trajectory } from './trajectory';

export class Run {
  readonly images: number;
  readonly rows: number;
  readonly dim: number;
  readonly x: Float32Array;
  readonly vel: Float32Array;
  readonly metric: Float32Array;
  readonly stale: Int32Array;
  readonly cache: KvCaches;
  readonly scheduler: Scheduler;
  /** Every model row's conditioning, stacked once for the whole run. */
  readonly cond: Conditioning;
  /** What a dense step runs: every region token of every image, [images, m]. */
  readonly denseIndex: Int32Array;
  readonly policy: SelectionPolicy;
  readonly outside: Int32Array;
  readonly recorded: Trajectory | undefined;
  /** The channels CFG guides (the card's `guidance_channels`; all where absent). */
  readonly guided: { channels: number; guidedChannels: number };
  selection: Int32Array | null = null;
  /** The base K array the cache's outside rows were last taken from. */
  private baseK: Float32Array | null = null;
  /** Time this step spent rebasing the caches on the base's K/V. */
  private rebaseMs = 0;
  tokensRun = 0;
  totals = zeroTimings();

  constructor(
    readonly model: DitModel,
    readonly r: ResolvedRequest,
    readonly base?: Trajectory,
  ) {
    const card = model.card;
    const n = r.tokens;
    this.images = r.images;
    this.rows = r.guidance === 1 ? this.images : 2 * this.images;
    this.dim = card.token_dim;
    this.guided = { channels: card.channels, guidedChannels: card.guidance_channels ?? card.channels };
    this.x = base ? this.editStart(base) : initialNoise(r.seeds, n * this.dim);
    this.vel = new Float32Array(this.x.length);
    this.metric = new Float32Array(this.images * n);
    this.stale = new Int32Array(this.images * n);
    this.cache = model.createKv(this.rows, n);
    this.scheduler = new FlowMatchEuler(r.sigmas, card.time);
    const { images, negative } = r.conditioning;
    this.cond = stackRows(Array.from({ length: this.rows }, (_, row) => (row < this.images ? images[row] : negative)));
    const m = r.region.length;
    this.denseIndex = Int32Array.from({ length: this.images * m }, (_, k) => r.region[k % m]);
    const inRegion = new Uint8Array(n);
    for (const j of r.region) inRegion[j] = 1;
    this.outside = Int32Array.from(inRegion.keys()).filter((j) => !inRegion[j]);
    this.policy = selectionPolicy(r.ras.policy);
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
    const { r, images, scheduler } = this;
    const plan = r.plan[i];
    const n = plan.tokens;
    const index = plan.kind === 'dense' ? this.denseIndex : this.selection!;
    if (this.base) await this.followBaseContext(i);
    this.recorded?.x.push(this.x.slice());
    const inputs = this.gather(index, n, scheduler.timestep(i));
    const t1 = performance.now();
    const out = await this.model.run(inputs, this.cache);
    const v = toVelocity(this.model.card, out.v);
    const t2 = performance.now();
    await this.keepKv(i);
    const t3 = performance.now();
    const shape = { images, rows: this.rows, dim: this.dim, tokens: r.tokens, ...this.guided };
    guide(v, index, n, r.guidance, shape, this.vel);
    const mask = this.markComputed(index, n);
    const predictedClean = this.previewDue(i) ? scheduler.predictClean(i, this.vel, this.x) : undefined;
    scheduler.step(i, this.vel, this.x);
    if (this.base) this.followBaseTokens(i + 1);
    const t4 = performance.now();
    this.score(index, n, i);
    const next = r.plan[i + 1];
    if (next?.kind === 'ras') this.select(next.tokens);
    const t5 = performance.now();
    this.tokensRun += n;
    const timings: StepTimings = {
      modelMs: t2 - t1,
      kvMs: t3 - t2 + this.rebaseMs,
      selectMs: t5 - t4,
      copyMs: t1 - t0 - this.rebaseMs + (t4 - t3),
      totalMs: t5 - t0,
    };
    this.rebaseMs = 0;
    for (const key of Object.keys(timings) as (keyof StepTimings)[]) this.totals[key] += timings[key];
    return {
      step: i,
      steps: r.steps,
      kind: plan.kind,
      sigma: scheduler.sigma(i),
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
  private async followBaseContext(i: number): Promise<void> {
    const kv = kvAt(this.base!, i);
    if (kv.k === this.baseK) return;
    const t = performance.now();
    await this.cache.rebase(kv, this.r.region);
    this.baseK = kv.k;
    this.rebaseMs = performance.now() - t;
  }

  /** Outside tokens take the base's x exactly: the image there cannot change. */
  private followBaseTokens(step: number): void {
    const src = this.base!.x[step];
    const dim = this.dim;
    for (const j of this.outside) this.x.set(src.subarray(j * dim, (j + 1) * dim), j * dim);
  }

  /** Every kvEvery-th step the trajectory keeps a host copy of the caches. */
  private async keepKv(i: number): Promise<void> {
    const rec = this.recorded;
    if (!rec) return;
    const kept = i % rec.kvEvery === 0 ? await this.cache.snapshot() : null;
    rec.k.push(kept?.k ?? null);
    rec.v.push(kept?.v ?? null);
  }

  /** Model inputs for the selected tokens; a CFG pair's rows share one selection. */
  private gather(index: Int32Array, n: number, timestep: number): ModelInputs {
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
    const t = new Float32Array(rows).fill(timestep);
    return { x, tokenIndex, timestep: t, cond: this.cond, rows, tokens: n, gridW: r.grid[1] };
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

  /** Frees the model's caches; the run is over (called on success, error and cancel). */
  dispose(): void {
    this.cache.dispose();
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
