/**
 * HTTP bodies (`@ras/shared/http`) as node requests (ras.v1). The JSON shapes
 * follow the proto field for field, so this is mostly renaming oneofs.
 */
import { ras } from '@ras/shared';
import type { EditRecipe, EditRequest, GenerationRequest, Recipe } from '@ras/shared/http';
import { fromBase64 } from './base64';

type Ras = NonNullable<GenerationRequest['ras']>;
type Preview = NonNullable<GenerationRequest['preview']>;

function rasSettings(r: Ras | undefined): ras.v1.RasSettings.$Properties | undefined {
  if (!r) return undefined;
  const { resets, ...rest } = r;
  return { ...rest, ...(resets ? { resets: { steps: resets } } : {}) };
}

function preview(p: Preview | undefined): ras.v1.PreviewOptions.$Properties | undefined {
  if (!p) return undefined;
  const format =
    p.format === 'jpeg' ? ras.v1.PreviewFormat.PREVIEW_FORMAT_JPEG : ras.v1.PreviewFormat.PREVIEW_FORMAT_PNG;
  return { every: p.every, maxSide: p.maxSide, format };
}

/** The replayable recipe of a generation request; a missing seed is drawn here so the recipe is complete. */
export function toRecipe(body: GenerationRequest): Recipe {
  const { preview: _p, stream: _s, timeoutMs: _t, ...recipe } = body;
  return { ...recipe, seed: body.seed ?? crypto.getRandomValues(new Uint32Array(1))[0] };
}

/** The node's GenerateRequest for `recipe` with `previews`. */
export function toGenerateRequest(recipe: Recipe, previews?: Preview): ras.v1.GenerateRequest.$Properties {
  return { ...recipe, ras: rasSettings(recipe.ras), preview: preview(previews) };
}

/** The replayable part of an edit request. */
export function toEditRecipe(body: EditRequest): EditRecipe {
  const { preview: _p, stream: _s, timeoutMs: _t, ...edit } = body;
  return edit;
}

/** The node's EditRequest for `edit` on `sessionId`, carrying the re-homing state. */
export function toEditRequest(
  sessionId: string,
  edit: EditRecipe,
  state: Uint8Array,
  previews?: Preview,
): ras.v1.EditRequest.$Properties {
  const { mask, ...rest } = edit;
  return {
    ...rest,
    sessionId,
    mask: mask ? { width: mask.width, height: mask.height, data: fromBase64(mask.data) } : undefined,
    ras: rasSettings(edit.ras),
    preview: preview(previews),
    restoreState: state,
  };
}
