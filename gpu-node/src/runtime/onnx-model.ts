/**
 * The onnxruntime-node adapter: a RAS-ready graph + card as a `DitModel`.
 * Execution provider and thread counts are configuration (CPU here, CUDA on
 * GPU nodes).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import type { DitModel, ModelCard, ModelInputs, ModelOutputs } from '../sampler/model';
import { parseCard } from './card';

export interface RuntimeOptions {
  /** Execution providers in order of preference, e.g. ['cuda', 'cpu']. */
  executionProviders?: string[];
  intraOpThreads?: number;
  interOpThreads?: number;
}

export class OnnxDitModel implements DitModel {
  private constructor(
    readonly card: ModelCard,
    private readonly session: ort.InferenceSession,
  ) {}

  /** Loads a card and the graph it names; `name` defaults to the card's directory. */
  static async load(
    cardPath: string,
    opts: RuntimeOptions = {},
    name = basename(dirname(cardPath)),
  ): Promise<OnnxDitModel> {
    const card = parseCard(name, JSON.parse(await readFile(cardPath, 'utf8')));
    const session = await ort.InferenceSession.create(join(dirname(cardPath), card.graph), {
      executionProviders: opts.executionProviders ?? ['cpu'],
      intraOpNumThreads: opts.intraOpThreads ?? 0,
      interOpNumThreads: opts.interOpThreads ?? 1,
      graphOptimizationLevel: 'all',
    });
    return new OnnxDitModel(card, session);
  }

  async run(i: ModelInputs): Promise<ModelOutputs> {
    const { layers, heads, head_dim: hd, token_dim: dim } = this.card;
    const cacheDims = [layers, i.rows, heads, i.gridTokens, hd];
    const out = await this.session.run({
      x: new ort.Tensor('float32', i.x, [i.rows, i.tokens, dim]),
      token_index: new ort.Tensor('int64', i.tokenIndex, [i.rows, i.tokens]),
      timestep: new ort.Tensor('float32', i.timestep, [i.rows]),
      cond: new ort.Tensor('int64', i.cond, [i.rows]),
      k_cache: new ort.Tensor('float32', i.kCache, cacheDims),
      v_cache: new ort.Tensor('float32', i.vCache, cacheDims),
      grid_w: new ort.Tensor('int64', BigInt64Array.of(BigInt(i.gridW)), [1]),
    });
    return {
      v: out.v.data as Float32Array,
      kNew: out.k_new.data as Float32Array,
      vNew: out.v_new.data as Float32Array,
    };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
