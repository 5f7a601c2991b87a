/**
 * Fréchet distance between Gaussian fits of evaluator features — the FID
 * analogue of issue 3: FD = |μ1 − μ2|² + Tr Σ1 + Tr Σ2 − 2·Tr((Σ1^½ Σ2 Σ1^½)^½)
 * (Heusel et al. 2017, eq. 6, in the symmetric form that needs only
 * eigendecompositions of symmetric matrices).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Mean and covariance (n − 1 normalisation, as numpy's `np.cov`) of `count` feature vectors. */
export interface GaussianFit {
  dim: number;
  count: number;
  mean: Float64Array;
  /** Row-major dim × dim. */
  cov: Float64Array;
}

/** The Gaussian fit of `count` row-major feature vectors of length `dim`. */
export function featureStats(features: ArrayLike<number>, count: number, dim: number): GaussianFit {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dim: want a positive integer, got ${dim}`);
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`count: need at least 2 vectors, got ${count}`);
  if (features.length !== count * dim)
    throw new RangeError(`features: ${features.length} values is not count ${count} × dim ${dim}`);
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let d = 0; d < dim; d++) mean[d] += features[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= count;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dim; d++) centred[d] = features[i * dim + d] - mean[d];
    for (let r = 0; r < dim; r++) {
      const cr = centred[r];
      for (let c = r; c < dim; c++) cov[r * dim + c] += cr * centred[c];
    }
  }
  for (let r = 0; r < dim; r++) {
    for (let c = r; c < dim; c++) {
      const v = cov[r * dim + c] / (count - 1);
      cov[r * dim + c] = v;
      cov[c * dim + r] = v;
    }
  }
  return { dim, count, mean, cov };
}

/** Fréchet distance between two Gaussian fits of the same dimension. */
export function frechetDistance(a: GaussianFit, b: GaussianFit): number {
  if (a.dim !== b.dim) throw new RangeError(`b: dimension ${b.dim} differs from a's ${a.dim}`);
  let meanTerm = 0;
  for (let d = 0; d < a.dim; d++) meanTerm += (a.mean[d] - b.mean[d]) ** 2;
  const s1 = toMatrix(a);
  const s2 = toMatrix(b);
  const root1 = psdSqrt(s1);
  const cross = symmetricEigenvalues(root1.mmul(s2).mmul(root1));
  const crossTrace = cross.reduce((sum, v) => sum + Math.sqrt(v), 0);
  return meanTerm + s1.trace() + s2.trace() - 2 * crossTrace;
}

function toMatrix(fit: GaussianFit): Matrix {
  return Matrix.from1DArray(fit.dim, fit.dim, fit.cov);
}

/** Eigenvalues of the symmetrised matrix, tiny negatives (round-off) clamped to 0. */
function symmetricEigenvalues(m: Matrix): number[] {
  const sym = m.clone().add(m.transpose()).mul(0.5);
  return new EigenvalueDecomposition(sym, { assumeSymmetric: true }).realEigenvalues.map((v) => Math.max(v, 0));
}

/** The symmetric square root V·diag(√λ)·Vᵀ of a positive semi-definite matrix. */
function psdSqrt(m: Matrix): Matrix {
  const sym = m.clone().add(m.transpose()).mul(0.5);
  const evd = new EigenvalueDecomposition(sym, { assumeSymmetric: true });
  const v = evd.eigenvectorMatrix;
  const roots = evd.realEigenvalues.map((x) => Math.sqrt(Math.max(x, 0)));
  return v.mmul(Matrix.diag(roots)).mmul(v.transpose());
}
