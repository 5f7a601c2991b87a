/**
 * diffusers-named inputs of SD3Transformer2DModel.forward, checked against a
 * model's card and turned into one dense forward of the RAS contract: every
 * token of the grid run, in order. Each error names the input and the shape
 * the card expects.
 */
import type { ClassCond, ModelCard, ModelInputs, PromptCond } from '../src/sampler/model';
import { patchify } from './latents';
import type { Safetensors, Tensor } from './safetensors';
import { toFloat32 } from './tensor-values';

/** The inputs, as diffusers names them. */
export const INPUT_NAMES = ['hidden_states', 'encoder_hidden_states', 'pooled_projections', 'timestep'] as const;

export interface DenseForward {
  inputs: ModelInputs;
  batch: number;
  height: number;
  width: number;
}

/** The dense forward of `file`'s inputs for a prompted (`ras-ready/3`) card; `source` names the file in errors. */
export function denseForward(card: ModelCard, file: Safetensors, source: string): DenseForward {
  // The MMDiT's inputs (a NextDiT card's cond has other widths: issue 20's parity work).
  const cond = card.cond as ClassCond | PromptCond;
  if (cond.kind !== 'prompt') {
    throw new Error(
      `model ${card.name} is class-conditional (${card.family}): forward takes a prompted ras-ready/3 model`,
    );
  }
  const expected = expectedShapes(card, cond);
  const get = (name: (typeof INPUT_NAMES)[number]): Tensor => {
    const t = file.tensors.get(name);
    if (!t) throw new Error(`${source}: no tensor "${name}"; expected ${expected[name]}`);
    return t;
  };
  const hidden = get('hidden_states');
  const { batch, channels, height, width, gw, n } = latentGrid(card, hidden, expected.hidden_states);
  const float = (name: (typeof INPUT_NAMES)[number], dims: number[]): Float32Array => {
    const t = get(name);
    if (t.shape.length !== dims.length || t.shape.some((d, i) => d !== dims[i])) {
      throw new Error(`${name}: expected ${expected[name]} with B = ${batch}, got [${t.shape.join(', ')}]`);
    }
    return toFloat32(t, name);
  };
  const ehs = float('encoder_hidden_states', [batch, cond.text_tokens, cond.joint_attention_dim]);
  const pooled = float('pooled_projections', [batch, cond.pooled_projection_dim]);
  const t = get('timestep');
  const timestep = float('timestep', t.shape[0] === 1 && batch > 1 ? [1] : [batch]);
  const latents = toFloat32(hidden, 'hidden_states');
  const inputs: ModelInputs = {
    x: patchify(latents, { batch, channels, height, width, patch: card.patch }),
    tokenIndex: BigInt64Array.from({ length: batch * n }, (_, i) => BigInt(i % n)),
    timestep: timestep.length === batch ? timestep : new Float32Array(batch).fill(timestep[0]),
    cond: {
      encoder_hidden_states: { type: 'float32', data: ehs, dims: [batch, cond.text_tokens, cond.joint_attention_dim] },
      pooled_projections: { type: 'float32', data: pooled, dims: [batch, cond.pooled_projection_dim] },
    },
    rows: batch,
    tokens: n,
    gridW: gw,
  };
  return { inputs, batch, height, width };
}

/** The latents' shape, checked against the card: channels, multiples of the patch, a grid within its limits. */
function latentGrid(card: ModelCard, hidden: Tensor, expected: string) {
  const [batch, channels, height, width] = hidden.shape;
  const { patch: p, grid } = card;
  const hint = `expected ${expected}, got [${hidden.shape.join(', ')}]`;
  if (hidden.shape.length !== 4 || channels !== card.channels || height % p || width % p || batch < 1) {
    throw new Error(`hidden_states: ${hint}`);
  }
  const [gh, gw] = [height / p, width / p];
  if (gh < grid.min[0] || gh > grid.max[0] || gw < grid.min[1] || gw > grid.max[1]) {
    throw new Error(
      `hidden_states: a ${gh}×${gw} token grid is outside the card's ${grid.min.join('×')} to ${grid.max.join('×')}; ${hint}`,
    );
  }
  return { batch, channels, height, width, gw, n: gh * gw };
}

/** Each input's shape as the card fixes it, for the errors. */
function expectedShapes(card: ModelCard, cond: PromptCond): Record<(typeof INPUT_NAMES)[number], string> {
  const { patch: p, grid } = card;
  return {
    hidden_states:
      `[B, ${card.channels}, H, W] (latents, NCHW) with H and W multiples of the patch ${p}, ` +
      `H in ${grid.min[0] * p}..${grid.max[0] * p}, W in ${grid.min[1] * p}..${grid.max[1] * p}`,
    encoder_hidden_states: `[B, ${cond.text_tokens}, ${cond.joint_attention_dim}] (T = the card's text_tokens, joint_attention_dim)`,
    pooled_projections: `[B, ${cond.pooled_projection_dim}] (pooled_projection_dim)`,
    timestep: `[B] or [1] (σ·${card.time.scale}, as diffusers passes it)`,
  };
}
