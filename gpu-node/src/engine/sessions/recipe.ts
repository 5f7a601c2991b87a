/**
 * Recipes (docs/sessions.md): what a session keeps to replay its versions
 * exactly, and the sampler requests built from it — the first version's and
 * an edit's. Requests are resolved by their caller, once.
 */
import type { ModelCard } from '../../sampler/model';
import type { ResolvedRequest, SampleRequest } from '../../sampler/settings';
import { checkSeed, classId } from '../params';
import { regionTokens } from '../region';
import type { EditParams, GenerateParams } from '../types';
import type { ResolvedRecipe, VersionEdit } from './types';

/** The recipe of a generation: `params` with every default `r` resolved, and its trajectory's kvEvery. */
export function recipeOf(params: GenerateParams, r: ResolvedRequest, patch: number): ResolvedRecipe {
  if (r.kvEvery === null) throw new Error('a session keeps the trajectory of its generation');
  return {
    ...params,
    cond: r.cond[0],
    negative: r.negative,
    guidance: r.guidance,
    steps: r.steps,
    width: r.grid[1] * patch,
    height: r.grid[0] * patch,
    grid: r.grid,
    ras: r.ras,
    kvEvery: r.kvEvery,
  };
}

/** The request that made version 1. */
export function recipeRequest(recipe: ResolvedRecipe): SampleRequest {
  return {
    cond: [recipe.cond],
    negative: recipe.negative,
    seeds: [recipe.seed],
    steps: recipe.steps,
    guidance: recipe.guidance,
    grid: recipe.grid,
    ras: recipe.ras,
    record: { kvEvery: recipe.kvEvery },
  };
}

/** The request of `edit` (it runs along its parent's trajectory). */
export function editRequest(recipe: ResolvedRecipe, edit: VersionEdit): SampleRequest {
  return {
    ...recipeRequest(recipe),
    cond: [edit.cond],
    seeds: [edit.seed],
    ras: edit.ras,
    edit: { region: edit.region },
  };
}

/**
 * The edit `params` asks for on a session of `recipe`: the region snapped to
 * tokens, condition and seed defaulting to the recipe's, RAS settings over
 * the recipe's. INVALID_ARGUMENT naming the field when one is wrong.
 */
export function editOf(card: ModelCard, recipe: ResolvedRecipe, params: EditParams): VersionEdit {
  return {
    region: regionTokens(params, recipe.grid, card.patch),
    cond: params.cond === undefined ? recipe.cond : classId(card, 'cond', params.cond),
    seed: checkSeed(params.seed ?? recipe.seed),
    ras: { ...recipe.ras, ...params.ras },
  };
}
