/**
 * SD3 on the CPU (issue 18's CPU targets), on a random miniature-width SD3 converted from a
 * diffusers checkpoint (bench-models.ts): the transformer's forward (a CFG pair) at 1024 latent
 * tokens beside SD3's 333 text tokens, dense against RAS r = 0.5 / 0.25, alternated and compared
 * in CPU time, each against its ideal (N + T) / (n + T) (the text stream runs every step); and a latent region edit of 25% of the tokens against the full
 * generation it edits, through the engine (text encoders, VAE decoder, compositing), with the
 * largest pixel change outside the re-sampled tokens. Ratios measured in one run; no time asserted.
 */
import { dirname } from 'node:path';
import { createEngine } from '../src/engine/engine';
import { OnnxDitModel } from '../src/runtime/onnx-model';
import { stackRows } from '../src/sampler/conditioning';
import { gaussian } from '../src/sampler/rng';
import { ensureSd3BenchModel } from './bench-models';
import { measureEdit } from './edit';
import { randomPromptConditioning, SD3_TEXT } from './prompt-cond';

export async function benchSd3(quick: boolean, log: (s: string) => void) {
  const dir = ensureSd3BenchModel();
  const model = await OnnxDitModel.load(`${dir}/model.json`, { intraOpThreads: 1 });
  try {
    const repeats = quick ? 3 : 9;
    const rows = await stepRows(model, repeats, quick ? [0.25] : [0.5, 0.25], log);
    const engine = await createEngine({ modelsDir: dirname(dir) });
    const edit = await measureEdit(engine, 'sd3-w256', quick ? 2 : 5, log, { prompt: 'a photo of a red cat' });
    return {
      model: 'sd3-w256 random (width 256, 4 layers), CPU provider; step rows on one intra-op thread',
      text_tokens: SD3_TEXT,
      step: rows,
      edit,
    };
  } finally {
    await model.dispose();
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** CPU milliseconds (all of the process's threads) and wall milliseconds of `fn`. */
async function measured(fn: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const [c0, t0] = [process.cpuUsage(), performance.now()];
  await fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
}

/**
 * One forward of a CFG pair, dense (n = N) against RAS (n = r·N, a fixed random subset),
 * alternated `repeats` times so the machine's other load falls on both alike; medians of CPU time
 * on one intra-op thread (what the forward costs) and of wall time (what it took here).
 */
async function stepRows(model: OnnxDitModel, repeats: number, ratios: number[], log: (s: string) => void) {
  const [rows, N, dim] = [2, model.card.grid.default[0] * model.card.grid.default[1], model.card.token_dim];
  const { images, negative } = randomPromptConditioning(model);
  const cond = stackRows([images[0], negative]);
  const kv = model.createKv(rows, N);
  const noise = new Float32Array(rows * N * dim);
  gaussian(5, 0, noise);
  const forward = (index: number[]) => () => {
    const n = index.length;
    const tokenIndex = BigInt64Array.from({ length: rows * n }, (_, k) => BigInt(index[k % n]));
    const x = new Float32Array(rows * n * dim);
    for (let k = 0; k < rows * n; k++) x.set(noise.subarray(k * dim, (k + 1) * dim), k * dim);
    const timestep = Float32Array.of(500, 500);
    return model.run({ x, tokenIndex, timestep, cond, rows, tokens: n, gridW: model.card.grid.default[1] }, kv);
  };
  const dense = forward(Array.from({ length: N }, (_, k) => k));
  await dense(); // warm-up, and caches filled
  const out = [];
  for (const ratio of ratios) {
    const n = Math.round(N * ratio);
    const ras = forward(
      Array.from({ length: N }, (_, k) => k)
        .filter((k) => k % Math.round(1 / ratio) === 0)
        .slice(0, n),
    );
    await ras();
    const d: { cpu: number; wall: number }[] = [];
    const r: { cpu: number; wall: number }[] = [];
    for (let i = 0; i < repeats; i++) {
      d.push(await measured(dense));
      r.push(await measured(ras));
    }
    const cpu = median(d.map((m) => m.cpu)) / median(r.map((m) => m.cpu));
    const wall = median(d.map((m) => m.wall)) / median(r.map((m) => m.wall));
    const ideal = (N + SD3_TEXT) / (n + SD3_TEXT);
    const row = {
      ratio,
      image_tokens: N,
      tokens_run: n,
      dense_step_cpu_ms: r3(median(d.map((m) => m.cpu))),
      ras_step_cpu_ms: r3(median(r.map((m) => m.cpu))),
      speedup_cpu: r3(cpu),
      speedup_wall: r3(wall),
      ideal_speedup: r3(ideal),
      of_ideal: r3(cpu / ideal),
      repeats,
    };
    log(
      `sd3 step r=${ratio}: ${row.speedup_cpu}x in CPU time (wall ${row.speedup_wall}x) of ideal ${row.ideal_speedup}x (${Math.round(row.of_ideal * 100)}%)`,
    );
    out.push(row);
  }
  kv.dispose();
  return out;
}
