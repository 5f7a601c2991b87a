/**
 * `npm run -s model -- <command>`: tools for a model directory on the user's
 * own machine (docs/mmdit.md, "Checking a conversion against diffusers").
 * `forward` runs the served transformer graph on diffusers-named inputs;
 * `inspect` prints the card and the files on disk. A failure is one line on
 * stderr and exit status 1.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { forward } from './forward';
import { inspect } from './inspect';

const program = new Command('model').description('Check and describe a RAS model directory.');

program
  .command('forward')
  .description(
    "run DIR's transformer dense on diffusers-named inputs and write `sample` [B, C, H, W] as diffusers returns it: " +
      'SD3 (hidden_states NCHW, encoder_hidden_states, pooled_projections, timestep = σ·1000; SD3Transformer2DModel) ' +
      'or Lumina-Next (hidden_states NCHW, timestep = 1 − σ, encoder_hidden_states, encoder_mask; ' +
      'LuminaNextDiT2DModel, RoPE at scaling factor 1, all out_channels)',
  )
  .argument('<dir>', 'the model directory (model.json beside its graphs)')
  .requiredOption('--inputs <file>', 'the inputs, a .safetensors file (F32, F16 or BF16)')
  .requiredOption('--out <file>', 'where to write `sample` (.safetensors, F32)')
  .addOption(
    new Option('--attention <graph>', "the card's graph: spelled-out attention, or fused")
      .choices(['unfused', 'fused'])
      .default('unfused'),
  )
  .option('--threads <n>', "onnxruntime's intra-op threads (0: its choice)", threads, 0)
  .action(async (dir: string, o) => {
    const r = await forward(dir, { inputs: o.inputs, out: o.out, attention: o.attention, threads: o.threads });
    console.log(`wrote ${o.out}: sample [${r.shape.join(', ')}] F32 (${r.graph}, CPU, ${Math.round(r.ms)} ms)`);
  });

program
  .command('inspect')
  .description("print DIR's card, its stages' files with their sizes on disk, the graphs and their weights")
  .argument('<dir>', 'the model directory')
  .action(async (dir: string) => {
    process.stdout.write(await inspect(dir));
  });

function threads(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 1024) {
    throw new InvalidArgumentError(`expected an integer in 0..1024, got "${value}"`);
  }
  return Number(value);
}

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`model: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
