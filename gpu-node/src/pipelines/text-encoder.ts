/**
 * A text encoder stage: a plain onnxruntime session (no K/V, run once per
 * distinct prompt), with optimum's CLIP export names: `input_ids` [B, T] →
 * `last_hidden_state` [B, T, joint], `text_embeds` [B, pooled].
 */
import ort from 'onnxruntime-node';

export interface TextEmbeddings {
  /** [rows, T, joint] */
  hidden: Float32Array;
  /** [rows, pooled] */
  pooled: Float32Array;
}

const INPUT = 'input_ids';
const OUTPUTS = ['last_hidden_state', 'text_embeds'];

export class TextEncoder {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(path: string, executionProviders: string[] = ['cpu']): Promise<TextEncoder> {
    const session = await ort.InferenceSession.create(path, { executionProviders, logSeverityLevel: 3 });
    const missing = [INPUT, ...OUTPUTS].filter(
      (n) => !session.inputNames.includes(n) && !session.outputNames.includes(n),
    );
    if (missing.length) throw new Error(`${path}: the text encoder lacks ${missing.join(', ')} (optimum's names)`);
    return new TextEncoder(session);
  }

  /** Encodes `rows` prompts of `length` ids each. */
  async encode(ids: BigInt64Array, rows: number, length: number): Promise<TextEmbeddings> {
    const out = await this.session.run({ [INPUT]: new ort.Tensor('int64', ids, [rows, length]) }, OUTPUTS);
    return { hidden: out.last_hidden_state.data as Float32Array, pooled: out.text_embeds.data as Float32Array };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
