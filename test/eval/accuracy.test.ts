import { describe, expect, it } from 'vitest';
import { classAccuracy, confusionMatrix } from '../../gpu-node/src/eval/accuracy';

describe('class accuracy and confusion', () => {
  it('counts the fraction of matching labels', () => {
    expect(classAccuracy([0, 1, 2, 2], [0, 1, 1, 2])).toBe(0.75);
  });

  it('puts true classes on rows and predictions on columns', () => {
    expect(confusionMatrix([0, 1, 2, 2], [0, 1, 1, 2], 3)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it('rejects mismatched lengths and labels outside the class range', () => {
    expect(() => classAccuracy([0, 1], [0])).toThrow(/labels/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/outside/);
  });
});
