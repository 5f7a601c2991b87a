/**
 * The NextDiT family's prompt stage (`stages.prompt`,
 * `transformer.prompt.onnx`; `lumina_ras.encode_prompt`): what a prompt fixes
 * for every step, computed once per prompt on the CPU. `encoder_hidden_states`
 * f32 [1, t, cross_attention_dim] + `encoder_mask` i64 [1, t] → `caption`
 * [1, caption_dim] and per layer `text_k_<l>`, `text_v_<l>` [1, kv_heads, t,
 * head_dim]; with the mask (`text_mask`) they are the transformer's
 * conditioning, fed by name.
 */
import ort from 'onnxruntime-node';
import { type Conditioning, kvHeads, type ModelCard } from '../sampler/model';
import type { PromptFeatures } from './gemma-stage';

/** The prompt graph's per-layer output names: `text_k_<l>` for every layer, then `text_v_<l>`. */
export function textKvNames(layers: number): string[] {
  const names = (p: string) => Array.from({ length: layers }, (_, l) => `text_${p}_${l}`);
  return [...names('k'), ...names('v')];
}

export class PromptGraph {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly card: ModelCard,
    private readonly path: string,
  ) {}

  /** Loads `path`; a graph lacking an input or output of the contract's is refused, naming the file and what it lacks. */
  static async load(path: string, card: ModelCard): Promise<PromptGraph> {
    const session = await ort.InferenceSession.create(path, { executionProviders: ['cpu'], logSeverityLevel: 3 });
    const inputs = ['encoder_hidden_states', 'encoder_mask'].filter((n) => !session.inputNames.includes(n));
    const outputs = ['caption', ...textKvNames(card.layers)].filter((n) => !session.outputNames.includes(n));
    if (inputs.length || outputs.length) {
      await session.release();
      throw new Error(`${path}: the prompt graph lacks ${[...inputs, ...outputs].join(', ')}`);
    }
    return new PromptGraph(session, card, path);
  }

  /** One prompt's conditioning rows (first dimension 1): caption, text_mask and every layer's text K/V. */
  async encode(features: PromptFeatures): Promise<Conditioning> {
    const t = features.tokens;
    const D = features.hidden.length / t;
    const out = await this.session.run({
      encoder_hidden_states: new ort.Tensor('float32', features.hidden, [1, t, D]),
      encoder_mask: new ort.Tensor('int64', features.mask, [1, t]),
    });
    const heads = kvHeads(this.card);
    const hd = this.card.head_dim;
    const cond: Record<string, Conditioning[string]> = {
      caption: { type: 'float32', data: out.caption.data as Float32Array, dims: [1, out.caption.data.length] },
      text_mask: { type: 'int64', data: features.mask, dims: [1, t] },
    };
    for (const name of textKvNames(this.card.layers)) {
      const data = out[name].data as Float32Array;
      if (data.length !== heads * t * hd)
        throw new Error(`${this.path}: ${name} is not [1, ${heads}, ${t}, ${hd}] (the card's kv_heads and head_dim)`);
      cond[name] = { type: 'float32', data, dims: [1, heads, t, hd] };
    }
    return cond;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
