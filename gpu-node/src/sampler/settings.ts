/**
 * Per-request sampling settings and their validation. Everything travels with
 * the request (no process-wide state); every check runs before any compute and
 * names the offending field.
 */
import { type ConditioningSet, classConditioning } from './conditioning';
import { quote, SamplerConfigError } from './errors';
import type { ModelCard } from './model';
import { paperSchedule, planSteps, type Ratio, type StepPlan, sigmas } from './schedule';
import { isPolicyName, POLICY_NAMES, type PolicyName } from './selection/policies';
import { stalenessBound } from './selection/select';
import { maskIndices, type TokenMask } from './token-mask';
import type { Trajectory } from './trajectory';

export interface RasSettings {
  /** Selection policy; `dense` disables RAS. */
  policy: PolicyName;
  /** Sample ratio r in (0, 1], or a linear ramp over the RAS steps. */
  ratio: Ratio;
  /** Dense steps at the start (default: the paper's 4 of 28, scaled). */
  warmup: number;
  /** Dense error-reset steps (default: the paper's 12 and 20 of 28, scaled). */
  resets: number[];
  /** k of the soft starvation term exp(k·c). */
  starvationScale: number;
  /** h: share of dropped tokens taken from the high end of the metric order. */
  highRatio: number;
  /** Hard bound: tokens this many steps uncomputed run first (default 2·ceil(N/n)). */
  maxStale: number;
}

export interface SampleRequest {
  /**
   * Class id per image (the card's null id means unconditional): the class
   * contract's shorthand for `conditioning`. Give one of the two.
   */
  cond?: number[];
  /** Class for the unconditional CFG branch (default: the card's null class). */
  negative?: number;
  /** The rows' conditioning as a pipeline built it (docs/design.md#pipelines), opaque here. */
  conditioning?: ConditioningSet;
  /** Noise seed per image; same length as `cond`. */
  seeds: number[];
  steps: number;
  /** Classifier-free guidance scale; 1 runs the conditional branch only. */
  guidance: number;
  /** Token grid [rows, cols]; the card's default when absent. */
  grid?: [number, number];
  ras?: Partial<RasSettings>;
  /** Compute the predicted clean image every k steps (0: never). */
  previewEvery?: number;
  /** Keep the trajectory in the result (one image only); K/V every `kvEvery` steps. */
  record?: { kvEvery?: number };
  /**
   * Region edit (one image only): re-sample the tokens where `region` is 1,
   * starting from fresh noise of `seeds[0]`; every other token follows the
   * base trajectory the run is given (`sampler.ts`).
   */
  edit?: { region: TokenMask };
}

export interface ResolvedRequest {
  /** Images in the batch. */
  images: number;
  conditioning: ConditioningSet;
  seeds: number[];
  steps: number;
  guidance: number;
  grid: [number, number];
  tokens: number;
  ras: RasSettings;
  plan: StepPlan[];
  sigmas: Float64Array;
  staleBound: number;
  previewEvery: number;
  /** Whether this is a region edit, which runs along a base trajectory. */
  edit: boolean;
  /** Tokens this run may compute (all of them unless editing), ascending. */
  region: Int32Array;
  /** Keep the trajectory, K/V every this many steps; null: keep none. */
  kvEvery: number | null;
}

export const MAX_BATCH = 16;
export const MAX_STEPS = 1000;
/**
 * Defaults. `highRatio` 0.5 (the official default is 1): on the embedded model at r = 0.25 it
 * came closest to dense (PSNR 28.6 dB vs 27.4 for h = 1 and 27.9 for h = 0, 256 samples;
 * `npm run bench`, quality section), with Fréchet distances within seed noise of each other.
 */
export const DEFAULT_RAS = { policy: 'std', ratio: 0.5, starvationScale: 0.1, highRatio: 0.5 } as const;

function check(ok: boolean, field: string, message: string): asserts ok {
  if (!ok) throw new SamplerConfigError(field, message);
}

const isInt = (v: unknown, lo: number, hi: number) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

function checkRatio(ratio: Ratio): void {
  const ends = typeof ratio === 'number' ? [ratio] : [ratio?.from, ratio?.to];
  for (const r of ends) check(typeof r === 'number' && r > 0 && r <= 1, 'ras.ratio', `must be in (0, 1], got ${r}`);
}

/** Validates `req` against `card` and fills in defaults; throws SamplerConfigError. */
export function resolveRequest(card: ModelCard, req: SampleRequest): ResolvedRequest {
  const conditioning = req.conditioning ?? classIds(card, req);
  const batch = conditioning.images.length;
  check(isInt(batch, 1, MAX_BATCH), 'cond', `give 1 to ${MAX_BATCH} conditions, got ${batch}`);
  check(req.seeds?.length === batch, 'seeds', `give one seed per image (${batch}), got ${req.seeds?.length}`);
  for (const s of req.seeds) check(isInt(s, 0, Number.MAX_SAFE_INTEGER), 'seeds', `seeds are integers ≥ 0, got ${s}`);
  check(isInt(req.steps, 1, MAX_STEPS), 'steps', `must be an integer in 1..${MAX_STEPS}, got ${req.steps}`);
  check(Number.isFinite(req.guidance) && req.guidance >= 0, 'guidance', `must be a number ≥ 0, got ${req.guidance}`);
  const grid = req.grid ?? card.grid.default;
  const gridOk = grid.length === 2 && [0, 1].every((a) => isInt(grid[a], card.grid.min[a], card.grid.max[a]));
  check(gridOk, 'grid', `must be within ${card.grid.min.join('x')}..${card.grid.max.join('x')}, got ${grid.join('x')}`);
  const tokens = grid[0] * grid[1];
  const ras = req.ras ?? {};
  const policyName = ras.policy ?? DEFAULT_RAS.policy;
  check(isPolicyName(policyName), 'ras.policy', `must be one of ${POLICY_NAMES.join(', ')}, got ${quote(policyName)}`);
  const ratio = ras.ratio ?? DEFAULT_RAS.ratio;
  checkRatio(ratio);
  const paper = paperSchedule(req.steps);
  const warmup = ras.warmup ?? paper.warmup;
  check(isInt(warmup, 0, req.steps), 'ras.warmup', `must be an integer in 0..${req.steps}, got ${warmup}`);
  const given = ras.resets ?? paper.resets;
  for (const r of given) check(isInt(r, 0, req.steps - 1), 'ras.resets', `steps are 0..${req.steps - 1}, got ${r}`);
  const resets = [...new Set(given)].sort((a, b) => a - b); // a recipe stays small however the list repeats
  const highRatio = ras.highRatio ?? DEFAULT_RAS.highRatio;
  check(highRatio >= 0 && highRatio <= 1, 'ras.highRatio', `must be in [0, 1], got ${highRatio}`);
  const k = ras.starvationScale ?? DEFAULT_RAS.starvationScale;
  check(Number.isFinite(k) && k >= 0, 'ras.starvationScale', `must be a number ≥ 0, got ${k}`);
  const dense = policyName === 'dense';
  const region = resolveRegion(req, batch, tokens);
  const plan = planSteps(req.steps, region.length, { warmup, resets, ratio, dense });
  // A RAS step scores tokens by the previous step's output, so the first step must run dense.
  check(plan[0].kind === 'dense', 'ras.warmup', 'must be ≥ 1 (or step 0 a reset): the first step runs dense');
  const minRun = Math.min(...plan.map((p) => p.tokens));
  const maxStale = ras.maxStale ?? 2 * Math.ceil(region.length / minRun);
  check(isInt(maxStale, 1, MAX_STEPS), 'ras.maxStale', `must be an integer ≥ 1, got ${maxStale}`);
  const previewEvery = req.previewEvery ?? 0;
  check(isInt(previewEvery, 0, MAX_STEPS), 'previewEvery', `must be an integer ≥ 0, got ${previewEvery}`);
  return {
    images: batch,
    conditioning,
    seeds: [...req.seeds],
    steps: req.steps,
    guidance: req.guidance,
    grid: [grid[0], grid[1]],
    tokens,
    ras: { policy: policyName, ratio, warmup, resets, starvationScale: k, highRatio, maxStale },
    plan,
    sigmas: sigmas(req.steps, card.time.shift),
    staleBound: stalenessBound(maxStale, region.length, minRun),
    previewEvery,
    edit: req.edit !== undefined,
    region,
    kvEvery: req.record ? (req.record.kvEvery ?? 1) : null,
  };
}

/**
 * `r` keeping its trajectory, K/V every `kvEvery` steps: for a caller that
 * chooses how often from the resolved size (the sessions' trajectory budget).
 */
export function withRecording(r: ResolvedRequest, kvEvery: number): ResolvedRequest {
  checkRecord(r.images, kvEvery);
  return { ...r, kvEvery };
}

/** Checks that `base` is the trajectory an edit `r` can run along (none when `r` is no edit). */
export function checkBase(r: ResolvedRequest, base: Trajectory | undefined): void {
  check(
    r.edit === (base !== undefined),
    'edit',
    r.edit ? 'an edit needs the trajectory it runs along' : 'a base trajectory is for edits only',
  );
  if (!base) return;
  const { grid } = r;
  check(
    base.grid[0] === grid[0] && base.grid[1] === grid[1],
    'grid',
    `must match the edited image (${base.grid.join('x')})`,
  );
  check(base.steps === r.steps, 'steps', `must match the edited image (${base.steps})`);
  check(base.rows === (r.guidance === 1 ? 1 : 2), 'guidance', "must keep the edited image's CFG on or off");
}

function checkRecord(batch: number, kvEvery: number): void {
  check(batch === 1, 'record', 'trajectories are kept for single-image runs only');
  check(isInt(kvEvery, 1, MAX_STEPS), 'record.kvEvery', `must be an integer ≥ 1, got ${kvEvery}`);
}

/** The class shorthand (`cond`, `negative`) as conditioning, checked against a class card. */
function classIds(card: ModelCard, req: SampleRequest): ConditioningSet {
  const { cond } = card;
  check(cond.kind === 'class', 'cond', `model ${card.name} takes a prompt, not class ids`);
  check(Array.isArray(req.cond), 'cond', 'give class ids or conditioning');
  for (const c of req.cond) check(isInt(c, 0, cond.null), 'cond', `class ids are 0..${cond.null}, got ${c}`);
  const negative = req.negative ?? cond.null;
  check(isInt(negative, 0, cond.null), 'negative', `class ids are 0..${cond.null}, got ${negative}`);
  return { images: req.cond.map(classConditioning), negative: classConditioning(negative) };
}

/** The tokens to compute: all of them, or an edit's region. */
function resolveRegion(req: SampleRequest, batch: number, tokens: number): Int32Array {
  if (req.edit) check(batch === 1, 'edit', 'edits take one image');
  if (req.record) checkRecord(batch, req.record.kvEvery ?? 1);
  if (!req.edit) return Int32Array.from({ length: tokens }, (_, j) => j);
  const { region } = req.edit;
  check(region.length === tokens, 'edit.region', `needs one entry per token (${tokens}), got ${region.length}`);
  const indices = maskIndices(region);
  check(indices.length > 0, 'edit.region', 'selects no token');
  return indices;
}
