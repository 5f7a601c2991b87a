/** A model as ListModels describes it: its card's defaults and the sizes it serves well. */
import { pixelsPerToken, servedSizes } from '../runtime/card';
import type { ModelCard } from '../sampler/model';
import type { Backend, ModelInfo } from './types';

/** The ListModels entry of a loaded model: its card, and the backend this node runs it on. */
export function modelInfo(card: ModelCard, backend: Backend): ModelInfo {
  const p = pixelsPerToken(card);
  return {
    name: card.name,
    labels: card.cond.kind === 'class' ? (card.cond.labels ?? []) : [],
    width: card.grid.default[1] * p,
    height: card.grid.default[0] * p,
    patch: p,
    recommendedSteps: card.recommended.steps,
    recommendedGuidance: card.recommended.guidance,
    prompted: card.cond.kind === 'prompt',
    sizes: servedSizes(card),
    backend,
  };
}
