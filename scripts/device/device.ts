/**
 * The GPU run's Node side: bundled by `scripts/device/pack.sh`, run by `scripts/device/run.sh`
 * (docs/gpu.md, "A GPU run in one call").
 *
 *     device.mjs export [--quick] [--sections gpu,...] [--models A,B] [--model NAME]
 *                        exports the sections' models (or only those of --models, or only NAME), two at a time
 *     device.mjs bench --out DIR [--quick] [--deadline EPOCH_MS] [--driver TEXT] [--sections ...] [--models ...]
 *     device.mjs check --out DIR [--sections ...]            exit 1 unless every section counts
 *
 * `bench` writes DIR/bench.json and DIR/bench.md after every section and every partial result,
 * so a run stopped from outside still leaves what it measured. A section that throws is
 * recorded as `{error}` and the next one runs.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchModel } from '../../gpu-node/bench/bench-models';
import type { Machine } from './markdown';
import { type DeviceSection, SECTIONS } from './sections';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'device-out' },
    deadline: { type: 'string' },
    driver: { type: 'string' },
    sections: { type: 'string' },
    model: { type: 'string' },
    models: { type: 'string' },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const wanted = values.sections?.split(',');
/** `--models`: only these of the sections' models (a GPU call spent on the rows it is for). */
const only = values.models?.split(',');
const sections = SECTIONS.filter((s) => !wanted || wanted.includes(s.name));
for (const name of wanted ?? [])
  if (!SECTIONS.some((s) => s.name === name)) throw new Error(`unknown section "${name}"`);
const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

/**
 * Models exported at once, each in a process of its own: SD3-medium's checkpoint and conversion
 * run mostly on one core, beside the DiT exporter's all-core export.
 */
const EXPORTS_AT_ONCE = 2;

async function exportModels(): Promise<number> {
  const all = sections.flatMap((s) => s.models(values.quick, only));
  // The smallest first: a big model that runs out of time leaves the others exported.
  const models = [...new Map(all.map((m) => [m.name, m])).values()].sort((a, b) => a.params - b.params);
  if (values.model) {
    const model = models.find((m) => m.name === values.model);
    if (!model) throw new Error(`--model: no model "${values.model}" (have ${models.map((m) => m.name).join(', ')})`);
    return exportOne(model);
  }
  const queue = [...models];
  let failed = 0;
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) failed += await exportInChild(m.name);
  };
  await Promise.all(Array.from({ length: EXPORTS_AT_ONCE }, worker));
  return failed ? 1 : 0;
}

function exportOne(model: BenchModel): number {
  const t0 = performance.now();
  try {
    model.ensure();
    log(`export ${model.name}: ok in ${seconds(t0)} s`);
    return 0;
  } catch (e) {
    log(`export ${model.name}: FAILED after ${seconds(t0)} s: ${(e as Error).message}`);
    return 1;
  }
}

/** `device.mjs export --model NAME` with this call's flags; 1 unless it exits 0. */
function exportInChild(name: string): Promise<number> {
  const args = [process.argv[1], 'export', '--model', name];
  if (values.quick) args.push('--quick');
  if (values.sections) args.push('--sections', values.sections);
  if (values.models) args.push('--models', values.models);
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', (e) => {
      log(`export ${name}: FAILED to start: ${e.message}`);
      done(1);
    });
    child.on('exit', (code) => done(code === 0 ? 0 : 1));
  });
}

async function bench(): Promise<number> {
  process.env.RAS_BENCH_NO_EXPORT = '1'; // the export stage did that, within its own limit
  const deadline = values.deadline ? Number(values.deadline) : Number.POSITIVE_INFINITY;
  const machine: Machine = { date: new Date().toISOString().slice(0, 10), driver: values.driver || undefined };
  const report: Record<string, unknown> = { quick: values.quick, started: new Date().toISOString(), machine };
  const seconds_: Record<string, number> = {};
  report.seconds = seconds_;
  const write = () => {
    writeFileSync(join(values.out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(values.out, 'bench.md'), markdown(report, machine));
  };
  for (const section of sections) {
    const t0 = performance.now();
    const partial = (result: unknown) => {
      report[section.name] = result;
      write();
    };
    try {
      report[section.name] = await section.run({ quick: values.quick, deadline, log, partial, models: only });
    } catch (e) {
      report[section.name] = { error: (e as Error).stack ?? String(e) };
      log(`section ${section.name} failed: ${(e as Error).message}`);
    }
    seconds_[section.name] = seconds(t0);
    write();
  }
  log(`wrote ${join(values.out, 'bench.json')} and bench.md`);
  return 0;
}

/** bench.md: each section's own Markdown, or what went wrong with it. */
function markdown(report: Record<string, unknown>, machine: Machine): string {
  const parts = [`# GPU run ${machine.date}${report.quick ? ' (quick)' : ''}\n`];
  for (const section of sections) {
    const result = report[section.name] as Record<string, unknown> | undefined;
    if (result === undefined) parts.push(`## ${section.name}\n\nnot run\n`);
    else if ('error' in result)
      parts.push(`## ${section.name}\n\nfailed:\n\n    ${String(result.error).split('\n')[0]}\n`);
    else if ('partial' in result) parts.push(`## ${section.name}\n\npartial: ${JSON.stringify(result)}\n`);
    else parts.push(section.markdown(result, machine));
  }
  return parts.join('\n');
}

function check(): number {
  const report = JSON.parse(readFileSync(join(values.out, 'bench.json'), 'utf8'));
  const problems = sections.map((s: DeviceSection) => {
    const result = report[s.name];
    if (result === undefined) return `${s.name}: not run`;
    if ('error' in result) return `${s.name}: ${String(result.error).split('\n')[0]}`;
    if ('partial' in result) return `${s.name}: stopped after ${result.rows?.length ?? 0} rows`;
    const problem = s.problem(result, Boolean(report.quick));
    return problem && `${s.name}: ${problem}`;
  });
  for (const p of problems) if (p) log(`check ${p}`);
  if (problems.every((p) => !p)) log(`check: ${sections.map((s) => s.name).join(', ')} ok`);
  return problems.some(Boolean) ? 1 : 0;
}

const commands: Record<string, () => number | Promise<number>> = { export: exportModels, bench, check };
const command = commands[positionals[0]];
if (!command) throw new Error(`usage: device.mjs export|bench|check [options] (got ${positionals[0]})`);
process.exitCode = await command();
