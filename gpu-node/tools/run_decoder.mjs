// Runs a VAE decoder graph in onnxruntime-node on latents written by sd3_preview.py
// and writes its output beside them: the preview fit's data (Python has no onnxruntime).
// Usage: node run_decoder.mjs MODEL INPUT OUTPUT LATENTS.f32 B,C,H,W OUT.f32 -> prints the output dims.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ort = createRequire(import.meta.url)('onnxruntime-node');

const [modelPath, inputName, outputName, latentsPath, dimsText, outPath] = process.argv.slice(2);
const dims = dimsText.split(',').map(Number);
const raw = readFileSync(latentsPath);
const latents = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
const session = await ort.InferenceSession.create(modelPath);
const outs = await session.run({ [inputName]: new ort.Tensor('float32', latents, dims) });
const out = outs[outputName];
if (!out) throw new Error(`${modelPath}: no output ${outputName}`);
if (out.type !== 'float32') throw new Error(`${modelPath}: output ${outputName} is ${out.type}, want float32`);
writeFileSync(outPath, Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength));
process.stdout.write(JSON.stringify(out.dims));
