/**
 * The NextDiT family's pipeline (contract `ras-ready/3`, `family: "nextdit"`:
 * Lumina-Next): the Gemma text stage (gemma-stage.ts) → the prompt graph
 * (`stages.prompt`: the caption embedding and every layer's text K/V,
 * prompt-graph.ts) → the transformer with RAS → the VAE decoder
 * (vae-decoder.ts; SDXL's, latents / 0.13025). The unconditional CFG row
 * takes the card's negative prompt (the empty one, as diffusers).
 *
 * Each distinct prompt is encoded once, at its own padded length, and kept
 * (a bounded LRU by prompt text, as the MMDiT pipeline keeps embeddings); a
 * forward's rows are padded to its longest prompt (nextdit-rows.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextditCardFile } from '../runtime/card';
import type { ConditioningSet } from '../sampler/conditioning';
import { SamplerConfigError } from '../sampler/errors';
import type { Conditioning, DitModel } from '../sampler/model';
import { type RgbImage, tokensToImage } from '../sampler/tokens';
import { GemmaStage } from './gemma-stage';
import { KEPT_PROMPTS } from './mmdit';
import { padRows } from './nextdit-rows';
import type { Condition, ConditionInput, Pipeline, Stages } from './pipeline';
import { PromptGraph } from './prompt-graph';
import { VaeDecoder } from './vae-decoder';

/**
 * Bytes of kept prompts' conditioning, beside KEPT_PROMPTS: a Lumina-Next prompt's text K/V are
 * 24 layers × K, V × 8 heads × t tokens × 72 × 4 bytes (28 MB at 256 tokens), so a count alone
 * could hold gigabytes.
 */
export const KEPT_BYTES = 2 ** 30;

/** The stage files a NextDiT card names (the prompt graph too), checked before the node starts: a missing one is named. */
export function nextditStageFiles(dir: string, card: NextditCardFile): Stages {
  const s = card.stages;
  const text = s.text.map(({ name, tokenizer, encoder }) => ({ name, tokenizer, encoder }));
  const half = s.transformer.fused_fp16 ? [s.transformer.fused_fp16] : [];
  const files = [
    ...text.flatMap((e) => [e.tokenizer, e.encoder]),
    s.prompt,
    s.transformer.unfused,
    s.transformer.fused,
  ];
  files.push(...half);
  if (s.decoder) files.push(s.decoder.file);
  for (const file of files)
    if (file !== null && !existsSync(join(dir, file))) throw new Error(`model ${dir}: stage file ${file} is missing`);
  return { text, prompt: s.prompt, transformer: s.transformer.unfused, decoder: s.decoder?.file ?? null };
}

const condBytes = (c: Conditioning) => Object.values(c).reduce((n, t) => n + t.data.byteLength, 0);

export class NextditPipeline<M extends DitModel = DitModel> implements Pipeline<M> {
  readonly takes = 'prompt';
  readonly negative: { prompt: string };
  /** Prompts run through Gemma and the prompt graph since load (each distinct one once while kept). */
  encodedPrompts = 0;
  private readonly kept = new Map<string, Conditioning>();
  private keptBytes = 0;

  private constructor(
    readonly transformer: M,
    readonly stages: Stages,
    private readonly text: GemmaStage,
    private readonly prompt: PromptGraph,
    private readonly decoder: VaeDecoder | null,
  ) {
    this.negative = { prompt: this.card.cond.kind === 'prompt' ? this.card.cond.negative : '' };
  }

  static async load<M extends DitModel>(dir: string, transformer: M): Promise<NextditPipeline<M>> {
    const card = transformer.card as unknown as NextditCardFile;
    const stages = nextditStageFiles(dir, card);
    const text = await GemmaStage.load(dir, card.stages.text[0]);
    let prompt: PromptGraph | null = null;
    try {
      prompt = await PromptGraph.load(join(dir, card.stages.prompt), transformer.card);
      const decoder = card.stages.decoder
        ? await VaeDecoder.load(join(dir, card.stages.decoder.file), card.stages.decoder)
        : null;
      return new NextditPipeline(transformer, stages, text, prompt, decoder);
    } catch (e) {
      await Promise.all([text.dispose(), prompt?.dispose()]);
      throw e;
    }
  }

  get card() {
    return this.transformer.card;
  }

  /** A prompt (Gemma's byte fallback spells any word: none is refused). */
  condition(field: string, value: ConditionInput): { prompt: string } {
    if (typeof value !== 'object' || typeof value?.prompt !== 'string')
      throw new SamplerConfigError(
        field,
        `model ${this.card.name} takes a prompt ({prompt: "..."}), not a class id or label`,
      );
    this.text.dropped(field, value.prompt);
    return { prompt: value.prompt };
  }

  /** The warning when the text entry's length cuts the prompt, naming the encoder and the tokens dropped. */
  warnings(cond: Condition): string[] {
    const dropped = this.text.dropped('cond', (cond as { prompt: string }).prompt);
    if (dropped === 0) return [];
    const { name, length } = this.text.entry;
    return [
      `the prompt is too long for text encoder ${name} (${length} tokens): its last ${dropped} tokens were dropped`,
    ];
  }

  async conditioning(images: Condition[], negative: Condition): Promise<ConditioningSet> {
    const prompts = [...images, negative].map((c) => (c as { prompt: string }).prompt);
    const fresh = new Map<string, Conditioning>();
    for (const p of new Set(prompts)) fresh.set(p, this.kept.get(p) ?? (await this.encode(p)));
    const rows = padRows(prompts.map((p) => fresh.get(p)!));
    for (const [p, c] of fresh) this.remember(p, c);
    return { images: rows.slice(0, -1), negative: rows[rows.length - 1] };
  }

  async decode(grid: [number, number], tokens: Float32Array, b: number): Promise<RgbImage> {
    if (!this.decoder) return tokensToImage(this.card, grid, tokens, b);
    return this.decoder.decode(tokens, b, grid, this.card);
  }

  async dispose(): Promise<void> {
    await Promise.all([this.text.dispose(), this.prompt.dispose()]);
  }

  /** One prompt through Gemma and the prompt graph: its conditioning rows at its own length. */
  private async encode(prompt: string): Promise<Conditioning> {
    const cond = await this.prompt.encode(await this.text.encode(prompt));
    this.encodedPrompts++;
    return cond;
  }

  /** Keeps a prompt's conditioning as used most recently; the oldest beyond KEPT_PROMPTS or KEPT_BYTES go. */
  private remember(prompt: string, c: Conditioning): void {
    if (this.kept.delete(prompt)) this.keptBytes -= condBytes(c);
    this.kept.set(prompt, c);
    this.keptBytes += condBytes(c);
    while (this.kept.size > KEPT_PROMPTS || (this.keptBytes > KEPT_BYTES && this.kept.size > 1)) {
      const [oldest, old] = this.kept.entries().next().value!;
      this.kept.delete(oldest);
      this.keptBytes -= condBytes(old);
    }
  }

  /** Prompts whose conditioning is kept now. */
  get keptPrompts(): number {
    return this.kept.size;
  }
}
