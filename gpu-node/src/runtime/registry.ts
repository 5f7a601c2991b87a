/**
 * Models by name: `scan()` lists the directories `<root>/<name>/` of one
 * models root (gpu-node/models/ by default) that hold a `model.json` card;
 * the directory's name is the model's; each loads on its first `get()`. Unknown
 * names are a SamplerConfigError on `model`, raised before any load.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SamplerConfigError } from '../sampler/errors';
import { OnnxDitModel, type RuntimeOptions } from './onnx-model';

/** The committed models: gpu-node/models/<name>/model.json (+ the graph it names). */
export const MODELS_DIR = resolve(fileURLToPath(import.meta.url), '../../../models');

/** The embedded default (README, "The embedded model"): ListModels names it first where the models root holds it. */
export const DEFAULT_MODEL = 'scenes-sd3';

export class ModelRegistry {
  private readonly loaded = new Map<string, Promise<OnnxDitModel>>();

  private constructor(
    private readonly cards: Map<string, string>,
    private readonly opts: RuntimeOptions,
  ) {}

  /** Finds `<root>/<name>/model.json` cards (`<name>` may be a symbolic link to a model's directory). */
  static async scan(root = MODELS_DIR, opts: RuntimeOptions = {}): Promise<ModelRegistry> {
    const cards = new Map<string, string>();
    for (const dir of await readdir(root, { withFileTypes: true })) {
      // A directory, or a link to one (a model kept on another disk).
      if (existsSync(join(root, dir.name, 'model.json'))) {
        cards.set(dir.name, join(root, dir.name, 'model.json'));
      }
    }
    return new ModelRegistry(cards, opts);
  }

  /** The card file of model `name` (a known one). */
  cardPath(name: string): string {
    const path = this.cards.get(name);
    if (!path) throw new SamplerConfigError('model', `unknown model "${name}"; known: ${this.names().join(', ')}`);
    return path;
  }

  names(): string[] {
    return [...this.cards.keys()].sort();
  }

  /** The model, loaded once and shared by every request (it holds no request state). */
  get(name: string): Promise<OnnxDitModel> {
    const path = this.cards.get(name);
    if (!path) throw new SamplerConfigError('model', `unknown model "${name}"; known: ${this.names().join(', ')}`);
    let model = this.loaded.get(name);
    if (!model) {
      model = OnnxDitModel.load(path, this.opts, name);
      this.loaded.set(name, model);
    }
    return model;
  }
}
