/**
 * A DitModel in plain TypeScript for sampler tests that need control over the
 * velocity field (adversarial metrics) or want to watch the calls made.
 * Velocity of token j: `field(j, d, timestep, cond)`, `cond` the row's class id
 * (or, for a prompted card, its pooled embedding's first value); K/V rows are token-valued.
 */
import { HostKv } from '../../gpu-node/src/sampler/kv-cache';
import type { DitModel, KvCaches, ModelCard, ModelInputs, ModelOutputs } from '../../gpu-node/src/sampler/model';

export function fakeCard(overrides: Partial<ModelCard> = {}): ModelCard {
  return {
    name: 'fake',
    family: 'dit',
    patch: 1,
    channels: 3,
    token_dim: 3,
    hidden: 8,
    layers: 2,
    heads: 2,
    head_dim: 4,
    grid: { default: [4, 6], min: [1, 1], max: [16, 16] },
    time: { scale: 1000, shift: 1 },
    cond: { kind: 'class', num_classes: 4, null: 4, labels: null },
    preview: { kind: 'rgb', scale: 0.5, offset: 0.5 },
    recommended: { steps: 8, guidance: 1 },
    ...overrides,
  };
}

export type Field = (token: number, d: number, timestep: number, cond: number) => number;

export class FakeModel implements DitModel {
  readonly calls: ModelInputs[] = [];
  readonly kvTraffic = { toHost: 0, toDevice: 0 };

  constructor(
    readonly card: ModelCard,
    private readonly field: Field,
  ) {}

  createKv(rows: number, tokens: number): HostKv {
    const { layers, heads, head_dim } = this.card;
    return new HostKv(layers, rows, heads, tokens, head_dim);
  }

  async run(i: ModelInputs, kv: KvCaches): Promise<ModelOutputs> {
    this.calls.push(i);
    const { layers, heads, head_dim: hd, token_dim: dim } = this.card;
    const v = new Float32Array(i.rows * i.tokens * dim);
    for (let r = 0; r < i.rows; r++) {
      for (let t = 0; t < i.tokens; t++) {
        const j = Number(i.tokenIndex[r * i.tokens + t]);
        for (let d = 0; d < dim; d++)
          v[(r * i.tokens + t) * dim + d] = this.field(j, d, i.timestep[r], condValue(i, r));
      }
    }
    const rows = new Float32Array(layers * i.rows * heads * i.tokens * hd);
    for (let k = 0; k < rows.length; k++) rows[k] = Number(i.tokenIndex[Math.floor(k / hd) % (i.rows * i.tokens)]);
    (kv as HostKv).write(rows, rows.slice(), Int32Array.from(i.tokenIndex, Number), i.tokens);
    return { v };
  }
}

/** Row `r`'s class id, or its pooled prompt embedding's first value. */
function condValue(i: ModelInputs, r: number): number {
  if (i.cond.cond) return Number(i.cond.cond.data[r]);
  const pooled = i.cond.pooled_projections;
  return Number(pooled.data[r * pooled.dims[1]]);
}
