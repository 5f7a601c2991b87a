import { describe, expect, it } from 'vitest';
import { sigmas } from '../../gpu-node/src/sampler/schedule';
import { FlowMatchEuler } from '../../gpu-node/src/sampler/scheduler';

describe('FlowMatchEuler', () => {
  const s = sigmas(4, 3);
  const euler = new FlowMatchEuler(s, 1000);

  it("gives the model's timestep input as σ on the card's time scale, 1000 at the start", () => {
    expect(euler.steps).toBe(4);
    expect(euler.timestep(0)).toBe(1000);
    for (let i = 0; i < 4; i++) expect(euler.timestep(i)).toBeCloseTo(s[i] * 1000, 9);
    expect(new FlowMatchEuler(s, 1).timestep(2)).toBe(s[2]);
  });

  it('steps along the velocity by Δσ and predicts the clean image x − σ·v', () => {
    const x = Float32Array.of(1, -2);
    const v = Float32Array.of(0.5, 4);
    expect([...euler.predictClean(1, v, x)]).toEqual([...Float32Array.of(1 - s[1] * 0.5, -2 - s[1] * 4)]);
    euler.step(1, v, x);
    const dt = s[2] - s[1];
    expect([...x]).toEqual([...Float32Array.of(1 + dt * 0.5, -2 + dt * 4)]);
  });
});
