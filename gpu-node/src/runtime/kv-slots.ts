/**
 * The graph's names of each K/V cache slot (docs/model-contract.md): slot l <
 * layers is block l's joint attention (`k_cache_<l>` in, `k_all_<l>` out);
 * then one slot per MMDiT-X dual layer d, in the card's order, for its `attn2`
 * (`k2_cache_<d>`, `k2_all_<d>`). The fresh rows come back stacked per kind:
 * `k_new` [layers, …] then, for MMDiT-X, `k2_new` [dual layers, …], which in
 * that order are the slots' rows.
 */
import type { ModelCard } from '../sampler/model';

/** One slot's graph input and output names. */
export interface SlotNames {
  k: string;
  v: string;
  kAll: string;
  vAll: string;
}

/** Every slot's names, in slot order. */
export function slotNames(card: Pick<ModelCard, 'layers' | 'dual_attention_layers'>): SlotNames[] {
  const names = (prefix: string, l: number): SlotNames => ({
    k: `k${prefix}_cache_${l}`,
    v: `v${prefix}_cache_${l}`,
    kAll: `k${prefix}_all_${l}`,
    vAll: `v${prefix}_all_${l}`,
  });
  const layers = Array.from({ length: card.layers }, (_, l) => names('', l));
  const duals = (card.dual_attention_layers ?? []).map((l) => names('2', l));
  return [...layers, ...duals];
}

/** The outputs holding the fresh rows, stacked [slots of that kind, rows, heads, n, head_dim], in slot order. */
export function freshOutputs(card: Pick<ModelCard, 'dual_attention_layers'>): { k: string[]; v: string[] } {
  const dual = (card.dual_attention_layers?.length ?? 0) > 0;
  return { k: dual ? ['k_new', 'k2_new'] : ['k_new'], v: dual ? ['v_new', 'v2_new'] : ['v_new'] };
}
