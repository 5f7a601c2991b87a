/**
 * Prompt accuracy of generated scenes (issue 19): what the scene evaluator read at
 * each cell against what the caption names there. The definitions are
 * gpu-node/tools/scene_evaluator.py `score`'s, number for number (the golden test
 * checks it): an image is right when every cell reads as its label (each named
 * object with its shape, colour and size, every other cell empty); an attribute is
 * right at a named cell when the cell is read as an object with that attribute's value.
 */
import { confusionMatrix } from './accuracy';

/** The attribute values an object class is made of: object o = (size · colours + colour) · shapes + shape. */
export interface SceneClasses {
  sizes: readonly string[];
  colours: readonly string[];
  shapes: readonly string[];
}

export const ATTRIBUTES = ['shape', 'colour', 'size'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** One attribute's confusion at the named cells: rows the true value, columns the value read, then "empty". */
export interface AttributeConfusion {
  values: string[];
  /** [values][values + 1]: the last column counts named cells read as empty. */
  matrix: number[][];
}

export interface SceneScore {
  count: number;
  prompt_acc: number;
  object_acc: number;
  empty_cell_acc: number;
  shape_acc: number;
  colour_acc: number;
  size_acc: number;
  /** [classes][classes] over every cell: rows the true cell class, columns the class read. */
  confusion: number[][];
  attribute_confusion: Record<Attribute, AttributeConfusion>;
}

/** The value of `attribute` of object `o` (0-based, without the empty class). */
export function attributeOf(attribute: Attribute, o: number, k: SceneClasses): number {
  const s = k.shapes.length;
  if (attribute === 'shape') return o % s;
  if (attribute === 'colour') return Math.floor(o / s) % k.colours.length;
  return Math.floor(o / (s * k.colours.length));
}

const mean = (hits: number, total: number) => (total === 0 ? Number.NaN : hits / total);

/**
 * Scores `count` images from flat [count, cells] cell classes: `predicted` (what the evaluator
 * read) against `labels` (what the captions name: 0 empty, 1 + object).
 */
export function scoreScenes(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  cells: number,
  k: SceneClasses,
): SceneScore {
  const classes = 1 + k.sizes.length * k.colours.length * k.shapes.length;
  const confusion = confusionMatrix(predicted, labels, classes); // checks lengths and ranges
  if (!Number.isInteger(cells) || cells < 1 || labels.length % cells !== 0)
    throw new RangeError(`labels: ${labels.length} labels is not a whole number of images of ${cells} cells`);
  const count = labels.length / cells;
  const attr = Object.fromEntries(ATTRIBUTES.map((a) => [a, attributeTally(a, k)])) as Record<Attribute, Tally>;
  let [imagesRight, named, namedRight, empty, emptyRight] = [0, 0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    let all = true;
    for (let c = i * cells; c < (i + 1) * cells; c++) {
      const [t, p] = [labels[c], predicted[c]];
      all &&= t === p;
      if (t === 0) {
        empty++;
        if (p === 0) emptyRight++;
        continue;
      }
      named++;
      if (p === t) namedRight++;
      for (const a of ATTRIBUTES) attr[a].add(t - 1, p === 0 ? null : p - 1);
    }
    if (all) imagesRight++;
  }
  return {
    count,
    prompt_acc: imagesRight / count,
    object_acc: mean(namedRight, named),
    empty_cell_acc: mean(emptyRight, empty),
    shape_acc: mean(attr.shape.right, named),
    colour_acc: mean(attr.colour.right, named),
    size_acc: mean(attr.size.right, named),
    confusion,
    attribute_confusion: {
      shape: attr.shape.confusion,
      colour: attr.colour.confusion,
      size: attr.size.confusion,
    },
  };
}

interface Tally {
  right: number;
  confusion: AttributeConfusion;
  add(trueObject: number, readObject: number | null): void;
}

function attributeTally(attribute: Attribute, k: SceneClasses): Tally {
  const values = [...{ shape: k.shapes, colour: k.colours, size: k.sizes }[attribute]];
  const matrix = values.map(() => new Array<number>(values.length + 1).fill(0));
  const tally: Tally = {
    right: 0,
    confusion: { values, matrix },
    add(trueObject, readObject) {
      const t = attributeOf(attribute, trueObject, k);
      const r = readObject === null ? values.length : attributeOf(attribute, readObject, k);
      matrix[t][r]++;
      if (r === t) tally.right++;
    },
  };
  return tally;
}
