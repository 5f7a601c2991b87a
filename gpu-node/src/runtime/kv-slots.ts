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

/**
 * Why a graph's cache inputs are not the card's slots (a card naming dual layers the graph lacks,
 * or a graph with attn2 caches its card does not name), or null when they agree.
 */
export function slotMismatch(
  card: Pick<ModelCard, 'layers' | 'dual_attention_layers'>,
  inputs: readonly string[],
): string | null {
  const want = new Set(slotNames(card).flatMap((names) => [names.k, names.v]));
  const have = new Set(inputs.filter((name) => /^[kv]2?_cache_\d+$/.test(name)));
  const missing = [...want].filter((name) => !have.has(name));
  const extra = [...have].filter((name) => !want.has(name));
  if (!missing.length && !extra.length) return null;
  const parts = [missing.length ? `lacks ${missing.join(', ')}` : '', extra.length ? `has ${extra.join(', ')}` : ''];
  return `the graph ${parts.filter(Boolean).join(' and ')}, against the card's layers and dual_attention_layers`;
}
