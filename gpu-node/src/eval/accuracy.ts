/** Class accuracy and confusion counts of predicted labels against true ones. */

function checkLengths(predicted: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (predicted.length !== labels.length)
    throw new RangeError(`labels: ${labels.length} labels for ${predicted.length} predictions`);
  if (labels.length === 0) throw new RangeError('labels: empty');
}

/** Fraction of positions where `predicted` equals `labels`. */
export function classAccuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(predicted, labels);
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) hits++;
  return hits / labels.length;
}

/** Confusion counts, `matrix[true][predicted]`, for classes 0 … classes − 1. */
export function confusionMatrix(predicted: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  checkLengths(predicted, labels);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [t, p] = [labels[i], predicted[i]];
    if (!(t >= 0 && t < classes && p >= 0 && p < classes))
      throw new RangeError(`labels: pair (${t}, ${p}) at ${i} is outside 0…${classes - 1}`);
    matrix[t][p]++;
  }
  return matrix;
}
