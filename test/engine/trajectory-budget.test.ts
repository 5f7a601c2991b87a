import { describe, expect, it } from 'vitest';
import { chooseKvEvery, trajectoryBytesFor } from '../../gpu-node/src/engine/sessions/trajectory-budget';
import { fakeCard } from '../helpers/fake-model';

const MiB = 2 ** 20;
/** The embedded model's shape: 32x32 px, patch 4 (64 tokens), 6 layers x 3 heads x 64. */
const embedded = fakeCard({ patch: 4, channels: 3, token_dim: 48, layers: 6, heads: 3, head_dim: 64 });

describe('trajectory policy', () => {
  it('matches the arithmetic in docs/sessions.md', () => {
    expect(trajectoryBytesFor(embedded, 28, 64, true, 1) / MiB).toBeCloseTo(31.84, 2);
    expect(trajectoryBytesFor(embedded, 28, 64, true, 2) / MiB).toBeCloseTo(16.09, 2);
  });

  it("counts MMDiT-X attn2 caches as K/V slots: 3 dual layers of 6 add half the layers' K/V", () => {
    const dual = { ...embedded, dual_attention_layers: [0, 1, 2] };
    const x = 29 * 64 * 48 * 4; // steps + 1 arrays of N · token_dim floats
    const kv = (card: typeof embedded) => trajectoryBytesFor(card, 28, 64, true, 1) - x;
    expect(kv(dual)).toBe(1.5 * kv(embedded));
  });

  it("counts a grouped-query model's K/V at its kv_heads: 1 of 3 heads' caches a third of the K/V", () => {
    const gqa = { ...embedded, kv_heads: 1 };
    const x = 29 * 64 * 48 * 4;
    const kv = (card: typeof embedded) => trajectoryBytesFor(card, 28, 64, true, 1) - x;
    expect(kv(gqa) * 3).toBe(kv(embedded));
  });

  it('thins K/V until a version fits the cap', () => {
    expect(chooseKvEvery(embedded, 28, 64, true, 64 * MiB)).toBe(1);
    expect(chooseKvEvery(embedded, 28, 64, true, 24 * MiB)).toBe(2);
    expect(chooseKvEvery(embedded, 28, 64, true, 1 * MiB)).toBe(28);
  });
});
