// Runs a VAE decoder graph in onnxruntime-node on latents written by sd3_preview.py
// and writes its output beside them: the preview fit's data (Python has no onnxruntime).
// Usage: node run_decoder.mjs MODEL INPUT OUTPUT LATENTS.f32 B,C,H,W OUT.f32 -> prints the output dims.
// A decoder exported in half precision takes and returns float16; the files stay float32.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromFloat16, toFloat16 } from '../src/runtime/float16.js';

const ort = createRequire(import.meta.url)('onnxruntime-node');

const [modelPath, inputName, outputName, latentsPath, dimsText, outPath] = process.argv.slice(2);
const dims = dimsText.split(',').map(Number);
const raw = readFileSync(latentsPath);
const latents = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
const session = await ort.InferenceSession.create(modelPath);
const half = session.inputMetadata.find((m) => m.name === inputName)?.type === 'float16';
const input = half ? new ort.Tensor('float16', toFloat16(latents), dims) : new ort.Tensor('float32', latents, dims);
const out = (await session.run({ [inputName]: input }))[outputName];
if (!out) throw new Error(`${modelPath}: no output ${outputName}`);
const data = out.type === 'float16' ? fromFloat16(out.data) : out.data;
if (!(data instanceof Float32Array))
  throw new Error(`${modelPath}: output ${outputName} is ${out.type}, want float32 or float16`);
writeFileSync(outPath, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
process.stdout.write(JSON.stringify(out.dims));
