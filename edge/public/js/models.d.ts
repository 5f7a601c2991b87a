// Generated from models.js by test/web/public-types.ts; do not edit.
/**
 * The models the page offers: those that serve some size well (a test model
 * with random weights serves none and only makes noise).
 * @template {{ sizes: unknown[] }} M
 * @param {M[]} models
 * @returns {M[]}
 */
export function offeredModels<
  M extends {
    sizes: unknown[];
  },
>(models: M[]): M[];
/**
 * A size select's value ("32x32") as a size.
 * @param {string} value
 * @returns {{ width: number, height: number } | null}
 */
export function parseSize(value: string): {
  width: number;
  height: number;
} | null;
