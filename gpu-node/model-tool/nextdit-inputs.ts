/**
 * diffusers-named inputs of LuminaNextDiT2DModel.forward
 * (models/transformers/lumina_nextdit2d.py), checked against a NextDiT card.
 * Each error names the input and the shape the card expects.
 */
import { latentGrid } from './forward-inputs';
import type { NextditCard } from './nextdit-forward';
import type { Safetensors, Tensor } from './safetensors';
import { toFloat32, toMask } from './tensor-values';

/** The inputs, as diffusers names them (`image_rotary_emb` is built here, from the card). */
export const NEXTDIT_INPUT_NAMES = ['hidden_states', 'timestep', 'encoder_hidden_states', 'encoder_mask'] as const;
type InputName = (typeof NEXTDIT_INPUT_NAMES)[number];

export interface NextditInputs {
  /** [B, C, H, W] */
  latents: Float32Array;
  batch: number;
  height: number;
  width: number;
  /** The token grid: H/p × W/p. */
  grid: [number, number];
  /** [B], Lumina time 1 − σ, as given. */
  timestep: Float32Array;
  /** [B, T, cross_attention_dim] */
  text: Float32Array;
  /** [B, T], 1 = token, 0 = padding. */
  mask: BigInt64Array;
  textTokens: number;
}

/** `file`'s inputs for `card`; `source` names the file in errors. */
export function nextditInputs(card: NextditCard, file: Safetensors, source: string): NextditInputs {
  const expected = expectedShapes(card);
  const get = (name: InputName): Tensor => {
    const t = file.tensors.get(name);
    if (!t) throw new Error(`${source}: no tensor "${name}"; expected ${expected[name]}`);
    return t;
  };
  const hidden = get('hidden_states');
  // Within the card's grid is within its RoPE table too (parseCard checks rope.max ≥ grid.max).
  const { batch, height, width, gw } = latentGrid(card, hidden, expected.hidden_states);
  const gh = height / card.patch;
  const check = (name: InputName, ok: (shape: number[]) => boolean, extra = ''): Tensor => {
    const t = get(name);
    if (!ok(t.shape)) {
      throw new Error(`${name}: expected ${expected[name]} with B = ${batch}${extra}, got [${t.shape.join(', ')}]`);
    }
    return t;
  };
  const ehs = check(
    'encoder_hidden_states',
    (s) => s.length === 3 && s[0] === batch && s[1] > 0 && s[2] === card.cond.cross_attention_dim,
  );
  const T = ehs.shape[1];
  const mask = toMask(
    check('encoder_mask', (s) => s.length === 2 && s[0] === batch && s[1] === T, `, T = ${T}`),
    'encoder_mask',
  );
  for (let b = 0; b < batch; b++) {
    if (!mask.subarray(b * T, (b + 1) * T).some((m) => m === 1n)) {
      throw new Error(`encoder_mask: row ${b} masks every token; its caption pooling would divide by zero`);
    }
  }
  const t = toFloat32(
    check('timestep', (s) => s.length === 1 && (s[0] === batch || s[0] === 1)),
    'timestep',
  );
  return {
    latents: toFloat32(hidden, 'hidden_states'),
    batch,
    height,
    width,
    grid: [gh, gw],
    timestep: t.length === batch ? t : new Float32Array(batch).fill(t[0]),
    text: toFloat32(ehs, 'encoder_hidden_states'),
    mask,
    textTokens: T,
  };
}

/** Each input's shape as the card fixes it, for the errors. */
function expectedShapes(card: NextditCard): Record<InputName, string> {
  const { patch: p, grid } = card;
  return {
    hidden_states:
      `[B, ${card.channels}, H, W] (latents, NCHW) with H and W multiples of the patch ${p}, ` +
      `H in ${grid.min[0] * p}..${grid.max[0] * p}, W in ${grid.min[1] * p}..${grid.max[1] * p}`,
    timestep: '[B] or [1] (Lumina time 1 − σ, as the Lumina pipeline passes it)',
    encoder_hidden_states: `[B, T, ${card.cond.cross_attention_dim}] (the text encoder's features, T ≥ 1; cross_attention_dim)`,
    encoder_mask: '[B, T] (1 = token, 0 = padding; each row with at least one token)',
  };
}
