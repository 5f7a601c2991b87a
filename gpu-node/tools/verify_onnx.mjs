// Runs a RAS-ready graph in onnxruntime-node on reference cases written by
// export.py (write_cases_binary) and prints {case: max diff} as JSON: per output, the largest
// |onnx - torch| divided by max(1, largest |torch|) (absolute for outputs within ±1, relative to
// the output's range above: a trained model's keys and values reach the hundreds, where float32
// rounding alone differs by 1e-4), and the worst output of the case.
// Plain JS so the Python exporter can call it with nothing but `node`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromFloat16, toFloat16 } from '../src/runtime/float16.js';

// require, not import: it also searches NODE_PATH, where the GPU machine's kit puts the package.
const ort = createRequire(import.meta.url)('onnxruntime-node');

const [graphPath, casesPath] = process.argv.slice(2);
const file = readFileSync(casesPath);
const headLength = file.readUInt32LE(0);
const header = JSON.parse(file.subarray(4, 4 + headLength).toString('utf8'));
const body = 4 + headLength;
const session = await ort.InferenceSession.create(graphPath);
// The fp16 graph takes and returns halves where the reference cases hold float32.
const halfInputs = new Set(session.inputMetadata.filter((m) => m.type === 'float16').map((m) => m.name));

const cases = new Map();
for (const t of header) {
  const bytes = file.buffer.slice(file.byteOffset + body + t.offset, file.byteOffset + body + t.offset + t.bytes);
  const data = t.dtype === 'int64' ? new BigInt64Array(bytes) : new Float32Array(bytes);
  if (!cases.has(t.case)) cases.set(t.case, { inputs: {}, outputs: {} });
  const half = t.role === 'inputs' && halfInputs.has(t.name);
  cases.get(t.case)[t.role][t.name] = half
    ? new ort.Tensor('float16', toFloat16(data), t.dims)
    : new ort.Tensor(t.dtype, data, t.dims);
}

const diffs = {};
for (const [name, c] of cases) {
  const outs = await session.run(c.inputs);
  let worst = 0;
  for (const [output, want] of Object.entries(c.outputs)) {
    const got = outs[output].type === 'float16' ? fromFloat16(outs[output].data) : outs[output].data;
    if (got.length !== want.data.length)
      throw new Error(`${name}/${output}: ${got.length} values, want ${want.data.length}`);
    let diff = 0;
    let peak = 1;
    for (let i = 0; i < got.length; i++) {
      diff = Math.max(diff, Math.abs(got[i] - want.data[i]));
      peak = Math.max(peak, Math.abs(want.data[i]));
    }
    worst = Math.max(worst, diff / peak);
  }
  diffs[name] = worst;
}
process.stdout.write(JSON.stringify(diffs));
