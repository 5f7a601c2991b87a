/**
 * A forward's prompt rows made one shape (the sampler stacks rows of equal
 * shapes, `stackRows`): each NextDiT prompt is kept at its own padded length
 * t, and every row is padded to the longest with zero text K/V rows and mask 0,
 * which changes nothing (the mask keeps them out of the cross-attention), as
 * diffusers pads the negative prompt to the positive's length.
 */
import type { Conditioning, CondTensor } from '../sampler/model';

/** Text tokens of a prompt's conditioning (its `text_mask`'s length). */
export function textTokens(row: Conditioning): number {
  return row.text_mask.dims[1];
}

/** Every row padded to the longest row's text tokens; rows already that long are returned as they are. */
export function padRows(rows: Conditioning[]): Conditioning[] {
  const T = Math.max(...rows.map(textTokens));
  return rows.map((row) => (textTokens(row) === T ? row : padRow(row, T)));
}

function padRow(row: Conditioning, T: number): Conditioning {
  const out: Record<string, CondTensor> = {};
  for (const [name, t] of Object.entries(row)) {
    if (name === 'text_mask') {
      const data = new BigInt64Array(T);
      data.set(t.data as BigInt64Array);
      out[name] = { type: 'int64', data, dims: [1, T] };
    } else if (name.startsWith('text_')) out[name] = padTokens(t, T);
    else out[name] = t;
  }
  return out;
}

/** [1, heads, t, d] → [1, heads, T, d], zero rows after each head's t. */
function padTokens(t: CondTensor, T: number): CondTensor {
  const [, heads, n, d] = t.dims;
  const data = new Float32Array(heads * T * d);
  for (let h = 0; h < heads; h++) data.set((t.data as Float32Array).subarray(h * n * d, (h + 1) * n * d), h * T * d);
  return { type: 'float32', data, dims: [1, heads, T, d] };
}
