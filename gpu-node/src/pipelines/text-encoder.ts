/**
 * A text encoder stage: a plain onnxruntime session on the CPU (no K/V, run
 * once per distinct prompt), with optimum's export names: `input_ids` [B, T]
 * → the card entry's `hidden` output [B, T, hidden_dim] (`last_hidden_state`,
 * or a layer's `hidden_states.N`) and its `pooled` output [B, pooled_dim]
 * (`text_embeds`), when it has one; an entry's `mask` input (Gemma's
 * `attention_mask`) is fed 1 for tokens and 0 for padding.
 */
import ort from 'onnxruntime-node';

export interface TextEmbeddings {
  /** [rows, T, hidden_dim] */
  hidden: Float32Array;
  /** [rows, pooled_dim]; empty when the entry has no pooled output. */
  pooled: Float32Array;
}

const INPUT = 'input_ids';

/** Which outputs a card entry takes, and its attention-mask input where it has one. */
export interface EncoderOutputs {
  hidden: string;
  pooled: string | null;
  mask?: string | null;
}

export class TextEncoder {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly outputs: EncoderOutputs,
  ) {}

  /** Loads `path`; a graph lacking `input_ids` or either output fails, naming the file and what it lacks. */
  static async load(path: string, outputs: EncoderOutputs, executionProviders = ['cpu']): Promise<TextEncoder> {
    const session = await ort.InferenceSession.create(path, { executionProviders, logSeverityLevel: 3 });
    const wanted = [INPUT, outputs.hidden, ...[outputs.pooled, outputs.mask].filter((n): n is string => !!n)];
    const missing = wanted.filter((n) => !session.inputNames.includes(n) && !session.outputNames.includes(n));
    if (missing.length) {
      await session.release();
      throw new Error(`${path}: the text encoder lacks ${missing.join(', ')} (optimum's names)`);
    }
    return new TextEncoder(session, outputs);
  }

  /** Encodes `rows` prompts of `length` ids each; `mask` [rows, length] (1 = token) where the entry names its input. */
  async encode(ids: BigInt64Array, rows: number, length: number, mask?: BigInt64Array): Promise<TextEmbeddings> {
    const { hidden, pooled } = this.outputs;
    const names = pooled === null ? [hidden] : [hidden, pooled];
    const feeds: Record<string, ort.Tensor> = { [INPUT]: new ort.Tensor('int64', ids, [rows, length]) };
    if (this.outputs.mask) {
      if (!mask) throw new Error(`the text encoder takes ${this.outputs.mask}: no mask was given`);
      feeds[this.outputs.mask] = new ort.Tensor('int64', mask, [rows, length]);
    }
    const out = await this.session.run(feeds, names);
    return {
      hidden: out[hidden].data as Float32Array,
      pooled: pooled === null ? new Float32Array(0) : (out[pooled].data as Float32Array),
    };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
