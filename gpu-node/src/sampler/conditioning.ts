/**
 * Conditioning rows (docs/design.md#pipelines): the sampler stacks what a
 * pipeline built, one `Conditioning` per model row, into the forward's
 * batch. Class ids are the one shorthand it knows, for the class-conditional
 * contract's `cond` input (its tests and benches pass them directly).
 */
import { SamplerConfigError } from './errors';
import type { ClassCond, Conditioning, CondTensor, ModelCard } from './model';

/** A request's conditioning: one row per image, and the unconditional CFG row. */
export interface ConditioningSet {
  images: Conditioning[];
  negative: Conditioning;
}

/** The one-row conditioning of class `id` (the `cond` input, int64 [1]). */
export function classConditioning(id: number): Conditioning {
  return { cond: { type: 'int64', data: BigInt64Array.of(BigInt(id)), dims: [1] } };
}

/** Rows stacked along their first dimension; every row must have the same names and shapes. */
export function stackRows(rows: Conditioning[]): Conditioning {
  const first = rows[0];
  const out: Record<string, CondTensor> = {};
  for (const [name, t] of Object.entries(first)) {
    const size = t.data.length;
    const data = t.type === 'int64' ? new BigInt64Array(size * rows.length) : new Float32Array(size * rows.length);
    rows.forEach((row, r) => {
      const other = row[name];
      if (!other || other.data.length !== size || other.type !== t.type)
        throw new SamplerConfigError('cond', `row ${r}'s conditioning ${name} does not match row 0's`);
      (data as Float32Array).set(other.data as Float32Array, r * size);
    });
    out[name] = { type: t.type, data, dims: [t.dims[0] * rows.length, ...t.dims.slice(1)] };
  }
  return out;
}

/** The class vocabulary of a class-conditional card; a SamplerConfigError on `cond` for any other. */
export function classCond(card: ModelCard): ClassCond {
  if (card.cond.kind !== 'class')
    throw new SamplerConfigError('cond', `model ${card.name} takes a prompt, not a class`);
  return card.cond;
}
