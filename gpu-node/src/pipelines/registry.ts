/**
 * Pipelines by model name: the transformer from the runtime's registry, the
 * other stages by the card's format (`ras-ready-dit/2`: the class DiT;
 * `ras-ready/3`: the MMDiT or the NextDiT family). `scan()` checks every prompted model's
 * stage files, so a node with a model missing one refuses to start, naming it.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CardFile, type MmditCardFile, parseCard } from '../runtime/card';
import type { OnnxDitModel, RuntimeOptions } from '../runtime/onnx-model';
import { MODELS_DIR, ModelRegistry } from '../runtime/registry';
import { ClassPipeline } from './class-dit';
import { MmditPipeline, stageFiles } from './mmdit';
import { NextditPipeline, nextditStageFiles } from './nextdit';
import type { Pipeline } from './pipeline';

/** Pipelines by model name: what the engine needs of a registry. */
export interface Pipelines {
  names(): string[];
  get(name: string): Promise<Pipeline<OnnxDitModel>>;
}

export class PipelineRegistry implements Pipelines {
  private readonly loaded = new Map<string, Promise<Pipeline<OnnxDitModel>>>();

  private constructor(readonly models: ModelRegistry) {}

  static async scan(root = MODELS_DIR, opts: RuntimeOptions = {}): Promise<PipelineRegistry> {
    const models = await ModelRegistry.scan(root, opts);
    for (const name of models.names()) {
      const path = models.cardPath(name);
      const card = parseCard(name, JSON.parse(readFileSync(path, 'utf8'))) as CardFile;
      if (card.format === 'ras-ready/3' && card.family === 'nextdit') nextditStageFiles(dirname(path), card);
      else if (card.format === 'ras-ready/3') stageFiles(dirname(path), card as MmditCardFile);
    }
    return new PipelineRegistry(models);
  }

  names(): string[] {
    return this.models.names();
  }

  /** The model's pipeline, loaded once and shared (it holds no request state; its kept embeddings are pure). */
  get(name: string): Promise<Pipeline<OnnxDitModel>> {
    const transformer = this.models.get(name); // throws on an unknown name, before any load
    let pipeline = this.loaded.get(name);
    if (!pipeline) {
      pipeline = transformer.then((t): Pipeline<OnnxDitModel> | Promise<Pipeline<OnnxDitModel>> => {
        const card = t.card as unknown as CardFile;
        const dir = dirname(this.models.cardPath(name));
        if (card.format === 'ras-ready/3' && card.family === 'nextdit') return NextditPipeline.load(dir, t);
        if (card.format === 'ras-ready/3') return MmditPipeline.load(dir, t);
        return new ClassPipeline(t, card.graphs[t.attention]);
      });
      this.loaded.set(name, pipeline);
    }
    return pipeline;
  }
}
