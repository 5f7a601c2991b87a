import { describe, expect, it } from 'vitest';
import { featureStats, frechetDistance, type GaussianFit } from '../../gpu-node/src/eval/frechet';
import { gaussian } from '../../gpu-node/src/sampler/rng';

/** `count` correlated feature vectors of length `dim` from `seed`. */
function features(seed: number, count: number, dim: number): Float32Array {
  const z = new Float32Array(count * dim);
  gaussian(seed, 0, z);
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++)
    for (let d = 0; d < dim; d++) out[i * dim + d] = z[i * dim + d] * (1 + d) + 0.5 * z[i * dim + ((d + 1) % dim)];
  return out;
}

function gaussianFit(mean: number[], cov: number[][]): GaussianFit {
  return { dim: mean.length, count: 100, mean: Float64Array.from(mean), cov: Float64Array.from(cov.flat()) };
}

describe('featureStats', () => {
  it('gives the mean and the n − 1 covariance of a small hand-worked set', () => {
    const s = featureStats([1, 2, 3, 6, 5, 10], 3, 2);
    expect(Array.from(s.mean)).toEqual([3, 6]);
    expect(Array.from(s.cov)).toEqual([4, 8, 8, 16]);
  });

  it('rejects a feature buffer whose length is not count × dim', () => {
    expect(() => featureStats([1, 2, 3], 2, 2)).toThrow(/features/);
  });
});

describe('frechetDistance', () => {
  it('is about zero for a set compared with itself', () => {
    const s = featureStats(features(1, 400, 12), 400, 12);
    expect(Math.abs(frechetDistance(s, s))).toBeLessThan(1e-8 * 12 * 144);
  });

  it('is |Δμ|² when one set is the other shifted', () => {
    const a = features(2, 300, 8);
    const shift = [0.5, -1, 2, 0, 0.25, 3, -0.75, 1];
    const b = a.map((v, i) => v + shift[i % 8]);
    const fd = frechetDistance(featureStats(a, 300, 8), featureStats(b, 300, 8));
    expect(fd).toBeCloseTo(
      shift.reduce((s, v) => s + v * v, 0),
      4,
    );
  });

  it('matches Σ(√a − √b)² for diagonal covariances', () => {
    const a = [4, 1, 9, 0.25];
    const b = [1, 1, 16, 2];
    const diag = (v: number[]) => v.map((x, i) => v.map((_, j) => (i === j ? x : 0)));
    const fd = frechetDistance(gaussianFit([0, 0, 0, 0], diag(a)), gaussianFit([0, 0, 0, 0], diag(b)));
    expect(fd).toBeCloseTo(
      a.reduce((s, x, i) => s + (Math.sqrt(x) - Math.sqrt(b[i])) ** 2, 0),
      10,
    );
  });

  it('handles covariances that do not commute (2×2 closed form)', () => {
    const s1 = [
      [2, 1],
      [1, 3],
    ];
    const s2 = [
      [1, -0.5],
      [-0.5, 2],
    ];
    // For 2×2 PSD M: Tr √M = √(Tr M + 2√det M); here M = Σ1^½ Σ2 Σ1^½, Tr M = Tr Σ1Σ2.
    const trProduct = 2 * 1 + 1 * -0.5 + 1 * -0.5 + 3 * 2;
    const det = (m: number[][]) => m[0][0] * m[1][1] - m[0][1] * m[1][0];
    const trRoot = Math.sqrt(trProduct + 2 * Math.sqrt(det(s1) * det(s2)));
    const want = 1 + 4 + 5 + 3 - 2 * trRoot; // |(1, 2)|² + Tr Σ1 + Tr Σ2 − 2 Tr √M
    expect(frechetDistance(gaussianFit([0, 0], s1), gaussianFit([1, 2], s2))).toBeCloseTo(want, 10);
  });

  it('is symmetric in its two arguments', () => {
    const a = featureStats(features(3, 200, 6), 200, 6);
    const b = featureStats(
      features(4, 200, 6).map((v) => v * 1.5 + 0.2),
      200,
      6,
    );
    expect(frechetDistance(a, b)).toBeCloseTo(frechetDistance(b, a), 6);
  });

  it('clamps round-off so a rank-deficient covariance gives no NaN', () => {
    const s = featureStats(features(5, 5, 10), 5, 10); // 5 vectors in 10 dims: rank ≤ 4
    expect(Number.isFinite(frechetDistance(s, s))).toBe(true);
    expect(Math.abs(frechetDistance(s, s))).toBeLessThan(1e-4);
  });
});
