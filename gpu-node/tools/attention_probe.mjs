// Runs a one-node attention graph (attention_probe.py) on the CPU and WebGPU
// providers with the same N(0, 1) inputs and prints {max_abs_diff, max_abs}.
import ort from 'onnxruntime-node';

const [graphPath] = process.argv.slice(2);
let seed = 12345;
const uniform = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return (seed + 1) / 2147483649;
};
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

const outputs = {};
let feeds;
for (const ep of ['cpu', 'webgpu']) {
  const session = await ort.InferenceSession.create(graphPath, { executionProviders: [ep], logSeverityLevel: 3 });
  feeds ??= Object.fromEntries(
    session.inputMetadata.map((m) => {
      const size = m.shape.reduce((a, b) => a * b, 1);
      return [m.name, new ort.Tensor('float32', Float32Array.from({ length: size }, normal), m.shape)];
    }),
  );
  outputs[ep] = (await session.run(feeds)).o.data;
  await session.release();
}
let diff = 0;
let peak = 0;
for (let k = 0; k < outputs.cpu.length; k++) {
  diff = Math.max(diff, Math.abs(outputs.cpu[k] - outputs.webgpu[k]));
  peak = Math.max(peak, Math.abs(outputs.cpu[k]));
}
process.stdout.write(JSON.stringify({ max_abs_diff: diff, max_abs: peak }));
