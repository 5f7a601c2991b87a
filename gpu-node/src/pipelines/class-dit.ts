/**
 * The class-conditional DiT's pipeline (contract `ras-ready-dit/2`): the
 * condition is a class id or a label the card lists, fed as the `cond` input;
 * no tokenizer, text encoder or decoder (tokens are pixels).
 */
import { type ConditioningSet, classCond, classConditioning } from '../sampler/conditioning';
import { quote, SamplerConfigError } from '../sampler/errors';
import type { DitModel } from '../sampler/model';
import { type RgbImage, tokensToImage } from '../sampler/tokens';
import type { Condition, ConditionInput, Pipeline, Stages } from './pipeline';

export class ClassPipeline<M extends DitModel = DitModel> implements Pipeline<M> {
  readonly takes = 'class';
  readonly stages: Stages;
  readonly negative: number;

  constructor(
    readonly transformer: M,
    graph: string,
  ) {
    this.stages = { text: [], transformer: graph, decoder: null };
    this.negative = classCond(transformer.card).null;
  }

  get card() {
    return this.transformer.card;
  }

  /** A class id, or a label the card lists ("red circle", case-insensitive). */
  condition(field: string, value: ConditionInput): number {
    const cond = classCond(this.card);
    const bad = (message: string) => new SamplerConfigError(field, message);
    if (typeof value === 'object')
      throw bad(`model ${this.card.name} takes a class id or label, not a prompt (${knownClasses(cond)})`);
    if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value <= cond.null) return value;
      throw bad(`class ids are 0..${cond.null}, got ${value}`);
    }
    const labels = cond.labels ?? [];
    const text = value.trim().toLowerCase();
    const id = labels.findIndex((l) => l.toLowerCase() === text);
    if (id >= 0) return id;
    if (/^\d+$/.test(text)) return this.condition(field, Number(text));
    throw bad(`unknown condition ${quote(value)}; use ${knownClasses(cond)}`);
  }

  /** A class has nothing to warn about. */
  warnings(): string[] {
    return [];
  }

  async conditioning(images: Condition[], negative: Condition): Promise<ConditioningSet> {
    return {
      images: images.map((c) => classConditioning(c as number)),
      negative: classConditioning(negative as number),
    };
  }

  async decode(grid: [number, number], tokens: Float32Array, b: number): Promise<RgbImage> {
    return tokensToImage(this.card, grid, tokens, b);
  }
}

function knownClasses(cond: { labels: string[] | null; null: number }): string {
  return cond.labels?.length ? `one of: ${cond.labels.join(', ')}` : `a class id 0..${cond.null}`;
}
