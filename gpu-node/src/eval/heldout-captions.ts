/**
 * The held-out captions the prompted quality bench samples (heldout-captions.json beside
 * the scene evaluator, written by gpu-node/tools/export_scene_evaluator.py from scenes.py's
 * held-out seed range) with what each names per cell, so no grammar lives in TypeScript.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SCENE_EVALUATOR_DIR } from './scene-evaluator';

const fileSchema = z.object({
  recipe: z.string(),
  count: z.number().int().positive(),
  captions: z.array(z.string().min(1)),
  labels: z.array(z.array(z.number().int().min(0))),
});

export interface HeldoutCaptions {
  recipe: string;
  captions: string[];
  /** Per caption its cell labels (0 empty, 1 + object), row-major. */
  labels: number[][];
}

/** Loads `<dir>/heldout-captions.json`; throws naming the file when its lists disagree. */
export async function loadHeldoutCaptions(dir = SCENE_EVALUATOR_DIR, cells = 9): Promise<HeldoutCaptions> {
  const path = join(dir, 'heldout-captions.json');
  const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { recipe, count, captions, labels } = parsed.data;
  if (captions.length !== count || labels.length !== count)
    throw new Error(`${path}: ${captions.length} captions and ${labels.length} label rows, want count ${count}`);
  const bad = labels.findIndex((row) => row.length !== cells);
  if (bad >= 0) throw new Error(`${path}: labels[${bad}] has ${labels[bad].length} cells, want ${cells}`);
  return { recipe, captions, labels };
}
