/**
 * Lumina-Next's conventions in the sampler (sampler/time.ts, guidance.ts): the timestep 1 − σ,
 * the output data − noise over 8 channels turned into the velocity, CFG on the first 3 of 4
 * channels; cards without the keys keep SD3's.
 */
import { describe, expect, it } from 'vitest';
import { guide } from '../../gpu-node/src/sampler/guidance';
import { sigmas } from '../../gpu-node/src/sampler/schedule';
import { FlowMatchEuler } from '../../gpu-node/src/sampler/scheduler';
import { modelTimestep, toVelocity } from '../../gpu-node/src/sampler/time';

const lumina = {
  patch: 2,
  channels: 4,
  out_channels: 8,
  time: { scale: 1, shift: 1, input: 'one_minus_sigma' as const, output: 'data_minus_noise' as const },
};

describe("Lumina-Next's time convention", () => {
  it('feeds Lumina time (1 − σ)·scale: 0 at the first step, and σ·scale without the key', () => {
    const s = sigmas(4, 1);
    const euler = new FlowMatchEuler(s, lumina.time);
    expect(euler.timestep(0)).toBe(0);
    expect(euler.timestep(1)).toBeCloseTo(0.25, 12);
    expect(modelTimestep({ scale: 1000, shift: 3 }, 0.25)).toBe(250);
    expect(modelTimestep({ scale: 2, shift: 1, input: 'one_minus_sigma' }, 0.25)).toBe(1.5);
  });

  it("keeps the first 4 of each patch pixel's 8 output features (py, px, c) and negates them", () => {
    // Two tokens of 2×2 pixels × 8 features: feature value = 100·pixel + channel.
    const v = Float32Array.from({ length: 2 * 4 * 8 }, (_, k) => 100 * Math.floor(k / 8) + (k % 8));
    const out = toVelocity(lumina, v);
    expect(out.length).toBe(2 * 16);
    expect([...out.subarray(0, 8)]).toEqual([-0, -1, -2, -3, -100, -101, -102, -103]);
    expect(out[31]).toBe(-703);
  });

  it('returns the output as it is for a card without the keys, and refuses a wrong width', () => {
    const v = Float32Array.of(1, 2, 3, 4);
    expect(toVelocity({ patch: 1, channels: 4, time: { scale: 1000, shift: 3 } }, v)).toBe(v);
    expect(() => toVelocity(lumina, new Float32Array(8 * 3))).toThrow(/not tokens of 4·8 features/);
  });
});

describe('CFG on guidance channels', () => {
  // One image, one token of 2 pixels × 4 channels (dim 8): the conditional row all 1, the unconditional all 0.
  const v = Float32Array.of(1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
  const index = Int32Array.of(0);

  it("guides channels 0–2 of each pixel and gives channel 3 the conditional row's value", () => {
    const vel = new Float32Array(8);
    guide(v, index, 1, 4, { images: 1, rows: 2, dim: 8, tokens: 1, channels: 4, guidedChannels: 3 }, vel);
    expect([...vel]).toEqual([4, 4, 4, 1, 4, 4, 4, 1]);
  });

  it('guides every channel without guidance_channels', () => {
    const vel = new Float32Array(8);
    guide(v, index, 1, 4, { images: 1, rows: 2, dim: 8, tokens: 1 }, vel);
    expect([...vel]).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
  });
});
