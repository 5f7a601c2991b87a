/** The committed real-image fixture (fixture.json, written by gpu-node/tools/evaluator.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVALUATOR_DIR } from '../../gpu-node/src/eval/evaluator';

export interface Fixture {
  count: number;
  labels: number[];
  /** NCHW float32 in [-1, 1], decoded from 8-bit pixels. */
  images: Float32Array;
}

export function loadFixture(): Fixture {
  const blob = JSON.parse(readFileSync(join(EVALUATOR_DIR, 'fixture.json'), 'utf8'));
  const bytes = Buffer.from(blob.pixels, 'base64');
  const images = Float32Array.from(bytes, (v) => v / 127.5 - 1);
  return { count: blob.count, labels: blob.labels, images };
}
