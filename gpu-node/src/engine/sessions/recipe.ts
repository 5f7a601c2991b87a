/**
 * Recipes (docs/sessions.md): what a session keeps to replay its versions
 * exactly, and the sampler requests built from it — the first version's and
 * an edit's. A recipe keeps conditions as the request resolved them (a class
 * id, a prompt); the family's pipeline turns them into conditioning
 * (docs/design.md#pipelines). Requests are resolved by their caller, once.
 */
import type { Condition, Pipeline } from '../../pipelines/pipeline';
import { pixelsPerToken } from '../../runtime/card';
import type { ConditioningSet } from '../../sampler/conditioning';
import type { ResolvedRequest, SampleRequest } from '../../sampler/settings';
import { checkSeed } from '../params';
import { regionMasks } from '../region';
import type { EditParams, GenerateParams } from '../types';
import type { ResolvedRecipe, VersionEdit } from './types';

/** A request's conditions as its pipeline resolved them. */
export interface Conditions {
  cond: Condition;
  negative: Condition;
}

/** The conditions of `params` on `pipeline`; INVALID_ARGUMENT-bound SamplerConfigErrors naming the field. */
export function conditionsOf(pipeline: Pipeline, params: GenerateParams): Conditions {
  return {
    cond: pipeline.condition('cond', params.cond),
    negative: params.negative === undefined ? pipeline.negative : pipeline.condition('negative', params.negative),
  };
}

/** The recipe of a generation: `params` with every default `r` resolved, and its trajectory's kvEvery; `pixels` per token side. */
export function recipeOf(params: GenerateParams, r: ResolvedRequest, pixels: number, c: Conditions): ResolvedRecipe {
  if (r.kvEvery === null) throw new Error('a session keeps the trajectory of its generation');
  return {
    ...params,
    cond: c.cond,
    negative: c.negative,
    guidance: r.guidance,
    steps: r.steps,
    width: r.grid[1] * pixels,
    height: r.grid[0] * pixels,
    grid: r.grid,
    ras: r.ras,
    kvEvery: r.kvEvery,
  };
}

/** The conditioning version 1 (no `edit`) or an edit runs with: an edit's condition for its region, the recipe's negative. */
export function conditioningOf(
  pipeline: Pipeline,
  recipe: ResolvedRecipe,
  edit?: VersionEdit,
): Promise<ConditioningSet> {
  return pipeline.conditioning([edit ? edit.cond : recipe.cond], recipe.negative);
}

/** The request that made version 1. */
export function recipeRequest(recipe: ResolvedRecipe, conditioning: ConditioningSet): SampleRequest {
  return {
    conditioning,
    seeds: [recipe.seed],
    steps: recipe.steps,
    guidance: recipe.guidance,
    grid: recipe.grid,
    ras: recipe.ras,
    record: { kvEvery: recipe.kvEvery },
  };
}

/** The request of `edit` (it runs along its parent's trajectory), with its own conditioning. */
export function editRequest(recipe: ResolvedRecipe, edit: VersionEdit, conditioning: ConditioningSet): SampleRequest {
  return {
    ...recipeRequest(recipe, conditioning),
    seeds: [edit.seed],
    ras: edit.ras,
    edit: { region: edit.region },
  };
}

/**
 * The edit `params` asks for on a session of `recipe`: the region snapped to
 * tokens, condition (a new prompt describes what the region should hold) and
 * seed defaulting to the recipe's, RAS settings over the recipe's.
 * INVALID_ARGUMENT naming the field when one is wrong.
 */
export function editOf(pipeline: Pipeline, recipe: ResolvedRecipe, params: EditParams): VersionEdit {
  const { region, inner } = regionMasks(params, recipe.grid, pixelsPerToken(pipeline.card));
  return {
    region,
    inner,
    cond: params.cond === undefined ? recipe.cond : pipeline.condition('cond', params.cond),
    seed: checkSeed(params.seed ?? recipe.seed),
    ras: { ...recipe.ras, ...params.ras },
  };
}
