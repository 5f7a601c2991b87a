// Which models and sizes the page offers, from GET /v1/models.

/**
 * The models the page offers: those that serve some size well (a test model
 * with random weights serves none and only makes noise).
 * @template {{ sizes: unknown[] }} M
 * @param {M[]} models
 * @returns {M[]}
 */
export function offeredModels(models) {
  return models.filter((m) => m.sizes.length > 0);
}

/**
 * A size select's value ("32x32") as a size.
 * @param {string} value
 * @returns {{ width: number, height: number } | null}
 */
export function parseSize(value) {
  const m = /^(\d+)x(\d+)$/.exec(value);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}
