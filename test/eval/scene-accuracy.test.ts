import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, attributeOf, type SceneClasses, scoreScenes } from '../../gpu-node/src/eval/scene-accuracy';
import { SCENE_EVALUATOR_DIR } from '../../gpu-node/src/eval/scene-evaluator';

const card = JSON.parse(readFileSync(join(SCENE_EVALUATOR_DIR, 'evaluator.json'), 'utf8'));
const classes: SceneClasses = {
  sizes: card.attributes.size,
  colours: card.attributes.colour,
  shapes: card.attributes.shape,
};
const cases = JSON.parse(readFileSync(join(SCENE_EVALUATOR_DIR, 'golden.json'), 'utf8')).score;
/** Object index of a class name, through the card's names (the Python grammar's order). */
const object = (name: string) => card.cell_classes.indexOf(name) - 1;

describe('scene prompt accuracy', () => {
  it('equals scene_evaluator.score on the golden prediction cases, every number and the confusion', () => {
    const got = scoreScenes(cases.predicted.flat(), cases.labels.flat(), 9, classes);
    const want = cases.python;
    expect(want.prompt_acc).toBeGreaterThan(0); // the cases mix right and wrong images
    expect(want.prompt_acc).toBeLessThan(1);
    for (const key of ['prompt_acc', 'object_acc', 'empty_cell_acc', 'shape_acc', 'colour_acc', 'size_acc'])
      expect(got[key as keyof typeof got], key).toBeCloseTo(want[key], 12);
    expect(got.count).toBe(want.count);
    expect(got.confusion).toEqual(want.confusion);
  });

  it('decodes an object class into the attributes its name says', () => {
    const o = object('large blue triangle');
    expect(classes.sizes[attributeOf('size', o, classes)]).toBe('large');
    expect(classes.colours[attributeOf('colour', o, classes)]).toBe('blue');
    expect(classes.shapes[attributeOf('shape', o, classes)]).toBe('triangle');
  });

  it('fails an image with a missed object in every attribute, and one with an extra object only in empty cells', () => {
    const a = 1 + object('small red circle');
    const b = 1 + object('large green square');
    const labels = [a, 0, 0, 0, b, 0, 0, 0, 0, /* second image */ a, 0, 0, 0, 0, 0, 0, 0, 0];
    const read = [a, 0, 0, 0, 0, 0, 0, 0, 0, /* second image */ a, b, 0, 0, 0, 0, 0, 0, 0];
    const s = scoreScenes(read, labels, 9, classes);
    expect(s.prompt_acc).toBe(0);
    expect(s.object_acc).toBeCloseTo(2 / 3, 12);
    expect(s.shape_acc).toBeCloseTo(2 / 3, 12);
    expect(s.empty_cell_acc).toBeCloseTo(14 / 15, 12);
    // The missed large green square: true "square" row, "empty" column.
    const shape = s.attribute_confusion.shape;
    expect(shape.values).toEqual(classes.shapes);
    expect(shape.matrix[classes.shapes.indexOf('square')][classes.shapes.length]).toBe(1);
  });

  it('counts a right attribute of a wrong object: colour right, shape wrong', () => {
    const labels = [1 + object('small red circle'), 0, 0, 0, 0, 0, 0, 0, 0];
    const read = [1 + object('small red cross'), 0, 0, 0, 0, 0, 0, 0, 0];
    const s = scoreScenes(read, labels, 9, classes);
    expect([s.prompt_acc, s.object_acc, s.colour_acc, s.size_acc, s.shape_acc]).toEqual([0, 0, 1, 1, 0]);
    const shape = s.attribute_confusion.shape.matrix;
    expect(shape[classes.shapes.indexOf('circle')][classes.shapes.indexOf('cross')]).toBe(1);
  });

  it('has attribute confusions whose diagonals are the attribute accuracies', () => {
    const s = scoreScenes(cases.predicted.flat(), cases.labels.flat(), 9, classes);
    for (const a of ATTRIBUTES) {
      const m = s.attribute_confusion[a].matrix;
      const total = m.flat().reduce((x, y) => x + y, 0);
      const diagonal = m.reduce((x, row, i) => x + row[i], 0);
      expect(diagonal / total, a).toBeCloseTo(s[`${a}_acc`], 12);
    }
  });

  it('rejects labels that are not whole images, or classes outside the card', () => {
    expect(() => scoreScenes([0, 0, 0], [0, 0, 0], 9, classes)).toThrow(/labels/);
    expect(() => scoreScenes(new Array(9).fill(40), new Array(9).fill(0), 9, classes)).toThrow(/labels/);
  });
});
