/**
 * `npm run ras -- <command>`: the command-line client (README, "Command
 * line"). Talks to the edge's HTTP API (`--url`, `--key`) or to one GPU node
 * directly over gRPC (`--grpc HOST:PORT`, `--token`); shows a progress bar,
 * writes PNGs to files; a failure is one line on stderr and exit status 1.
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { describeTokens } from '../edge/public/js/stats.js';
import * as parse from './args';
import type { Backend, RunResult } from './backend';
import { grpcBackend } from './grpc';
import { httpBackend } from './http';
import { progressBar } from './progress';

const DEFAULT_URL = 'http://127.0.0.1:8787';

interface Global {
  url: string;
  key?: string;
  grpc?: string;
  token?: string;
  progress: 'auto' | 'always' | 'never';
}

/** The server the global options name. */
function backendOf(g: Global): Backend {
  if (g.grpc) return grpcBackend(g.grpc, g.token ?? process.env.RAS_NODE_TOKEN);
  const key = g.key ?? process.env.RAS_API_KEY;
  if (!key) throw new Error('no API key: pass --key or set RAS_API_KEY (npm start prints the dev key)');
  return httpBackend(g.url, key);
}

/** Runs `fn` with the backend; Ctrl-C cancels the run on the server. */
async function withBackend<T>(g: Global, fn: (b: Backend, signal: AbortSignal) => Promise<T>): Promise<T> {
  const backend = backendOf(g);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await fn(backend, controller.signal);
  } catch (e) {
    throw controller.signal.aborted ? new Error('cancelled') : e;
  } finally {
    process.off('SIGINT', onSigint);
    backend.close();
  }
}

/** Writes the result's PNG and says what was made (stdout: for people, or JSON with --json). */
function report(r: RunResult, out: string | undefined, json: boolean): void {
  const file = out ?? `${r.sessionId}-v${r.version}.png`;
  writeFileSync(file, r.png);
  const facts = { file, sessionId: r.sessionId, version: r.version, width: r.width, height: r.height };
  if (json) {
    console.log(JSON.stringify({ ...facts, tokensRun: r.tokensRun, tokensTotal: r.tokensTotal, totalMs: r.totalMs }));
    return;
  }
  console.log(`wrote ${file} (${r.width}×${r.height}): session ${r.sessionId}, version ${r.version}`);
  console.log(`computed ${describeTokens(r.tokensRun, r.tokensTotal)}; sampling took ${Math.round(r.totalMs)} ms`);
}

/** Options every run takes: output file, previews, JSON. */
function runOptions(cmd: Command): Command {
  return cmd
    .option('-o, --out <file>', 'PNG to write (default: SESSION-vVERSION.png)')
    .option('--previews <dir>', 'write the previews into this folder (step-001.png, …)')
    .option('--every <n>', 'a preview every N steps (with --previews; default 1)', parse.integer(1, 10_000))
    .option('--json', 'print the result as one JSON line');
}

const program = new Command('ras')
  .description('Generate and edit images with the RAS serving system.')
  .addOption(new Option('--url <url>', 'the edge worker').env('RAS_URL').default(DEFAULT_URL))
  .addOption(new Option('--key <key>', "the edge's API key").env('RAS_API_KEY'))
  .option('--grpc <host:port>', "talk to a GPU node's native gRPC port instead of the edge", parse.target)
  .addOption(new Option('--token <token>', 'the node token, with --grpc').env('RAS_NODE_TOKEN'))
  .addOption(
    new Option('--progress <when>', 'the progress bar on stderr').choices(['auto', 'always', 'never']).default('auto'),
  );

runOptions(
  program
    .command('generate')
    .description(
      'a new image (and session): a prompt like "a small red circle at the top left" for a prompted model, ' +
        'else a class label like "red circle" or a class id',
    )
    .argument('<condition>', 'prompt (prompted models), or class label or class id')
    .option(
      '-m, --model <name>',
      "model (default: the server's default, the first it lists that serves some size well)",
    )
    .option('--seed <n>', 'noise seed', parse.integer(0, 0xffff_ffff))
    .option('--steps <n>', 'sampling steps (default: the model card)', parse.integer(1, 1000))
    .option('--size <WxH>', 'image size in pixels (default: the model card)', parse.size)
    .option('--ratio <r>', 'RAS ratio: share of tokens computed on a RAS step, in (0, 1]', parse.ratio),
).action(async (text: string, o, cmd: Command) => {
  const g = cmd.optsWithGlobals<Global>();
  await withBackend(g, async (backend, signal) => {
    const models = await backend.models();
    const model = o.model ?? defaultModel(models);
    const prompted = models.find((m) => m.name === model)?.prompted ?? false;
    const condition = prompted ? { prompt: text } : parse.condition(text);
    const bar = progressBar({ mode: g.progress, previewDir: o.previews });
    const args = { model, condition, seed: o.seed, steps: o.steps, ...o.size, ratio: o.ratio };
    const r = await backend.generate({ ...args, previewEvery: previewEvery(o) }, bar, signal).finally(bar.stop);
    report(r, o.out, Boolean(o.json));
  });
});

runOptions(
  program
    .command('edit')
    .description("re-sample regions of a session's image (a new version)")
    .argument('<session>', 'session id (printed by generate)')
    .requiredOption('--rect <x,y,w,h>', 'region in pixels; repeat for more', parse.rect)
    .option('--version <n>', 'version to edit (default: the latest)', parse.integer(1, 1_000_000))
    .option('--margin <tokens>', 'tokens re-sampled around the region too (default 1)', parse.integer(0, 64))
    .option('--condition <c>', "new class label or id inside the region (default: the session's)", parse.condition)
    .option('--prompt <text>', "a prompted model: what the region should hold (default: the session's prompt)")
    .option('--seed <n>', 'new noise seed inside the region', parse.integer(0, 0xffff_ffff)),
).action(async (sessionId, o, cmd: Command) => {
  const g = cmd.optsWithGlobals<Global>();
  await withBackend(g, async (backend, signal) => {
    const bar = progressBar({ mode: g.progress, previewDir: o.previews });
    const condition = o.prompt === undefined ? o.condition : { prompt: o.prompt };
    const args = { sessionId, rects: o.rect, version: o.version, margin: o.margin, condition };
    const r = await backend
      .edit({ ...args, seed: o.seed, previewEvery: previewEvery(o) }, bar, signal)
      .finally(bar.stop);
    report(r, o.out, Boolean(o.json));
  });
});

program
  .command('session')
  .description("a session's model, versions and recipe (JSON)")
  .argument('<session>', 'session id')
  .action(async (id, _o, cmd: Command) => {
    await withBackend(cmd.optsWithGlobals<Global>(), async (backend) => {
      console.log(JSON.stringify(await backend.session(id), null, 2));
    });
  });

program
  .command('models')
  .description('the models the server has, with the sizes each serves well')
  .action(async (_o, cmd: Command) => {
    await withBackend(cmd.optsWithGlobals<Global>(), async (backend) => {
      for (const m of await backend.models()) {
        const sizes = m.sizes.map((s) => `${s.width}x${s.height}`).join(', ') || 'none (a test model)';
        const labels = m.prompted ? 'prompts' : m.labels.length ? m.labels.join(', ') : 'class ids only';
        console.log(`${m.name}\tsizes: ${sizes}\tconditions: ${labels}`);
      }
    });
  });

/** Previews only when written somewhere: every step unless --every says otherwise. */
function previewEvery(o: { previews?: string; every?: number }): number {
  return o.previews ? (o.every ?? 1) : 0;
}

function defaultModel(models: Awaited<ReturnType<Backend['models']>>): string {
  const served = models.find((m) => m.sizes.length > 0);
  if (!served) throw new Error('the server has no model that serves any size well; pass --model');
  return served.name;
}

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`ras: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
