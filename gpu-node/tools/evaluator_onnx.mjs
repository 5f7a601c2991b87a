// Runs the evaluator graph in onnxruntime-node on raw float32 NCHW images and
// prints every output as JSON {name: {dims, data}}. Plain JS so evaluator.py
// and its tests can check the graph with nothing but `node`
// (Debian ships no Python onnxruntime).
//   node evaluator_onnx.mjs GRAPH IMAGES.f32 COUNT [SIZE]   (SIZE × SIZE images, default 32)
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';

const [graphPath, imagesPath, countText, sizeText = '32'] = process.argv.slice(2);
const count = Number(countText);
const size = Number(sizeText);
const bytes = readFileSync(imagesPath);
const images = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
if (images.length !== count * 3 * size * size)
  throw new Error(`${images.length} floats is not ${count} × 3 × ${size} × ${size}`);
const session = await ort.InferenceSession.create(graphPath, { intraOpNumThreads: 1 });
const outs = await session.run({ image: new ort.Tensor('float32', images, [count, 3, size, size]) });
const result = Object.fromEntries(
  Object.entries(outs).map(([name, t]) => [name, { dims: t.dims.map(Number), data: Array.from(t.data) }]),
);
process.stdout.write(JSON.stringify(result));
