// Runs a RAS-ready graph in onnxruntime-node on reference cases written by
// export.py and prints {case: max abs diff} as JSON. Plain JS so the Python
// exporter can call it with nothing but `node`.
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';

const [graphPath, casesPath] = process.argv.slice(2);
const { cases } = JSON.parse(readFileSync(casesPath, 'utf8'));
const session = await ort.InferenceSession.create(graphPath);

function toTensor({ dtype, dims, data }) {
  const values = dtype === 'int64' ? BigInt64Array.from(data, (v) => BigInt(v)) : Float32Array.from(data);
  return new ort.Tensor(dtype, values, dims);
}

const diffs = {};
for (const c of cases) {
  const feeds = Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, toTensor(v)]));
  const outs = await session.run(feeds);
  let worst = 0;
  for (const [name, want] of Object.entries(c.outputs)) {
    const got = outs[name].data;
    if (got.length !== want.data.length)
      throw new Error(`${c.name}/${name}: ${got.length} values, want ${want.data.length}`);
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want.data[i]));
  }
  diffs[c.name] = worst;
}
process.stdout.write(JSON.stringify(diffs));
