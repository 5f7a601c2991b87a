/**
 * `npm run bench -- [--quick] [--out DIR] [--only speed,...] [--model NAME]` writes DIR/bench.json
 * with every section it ran. Quick mode (CI) keeps the headline figures and
 * asserts no time. The node's own sections (speed, sd3, gpu, quality, edit) live in
 * `gpu-node/bench/`; the whole system's (serving, load) here, above node and edge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { benchEdit, benchEditAtScale, benchEditPrompted } from '../gpu-node/bench/edit';
import { benchGpu } from '../gpu-node/bench/gpu';
import { benchQualitySection } from '../gpu-node/bench/quality-section';
import { benchSd3 } from '../gpu-node/bench/sd3';
import { benchSpeed } from '../gpu-node/bench/speed';
import { benchLoad } from './load';
import { benchServing } from './serving';

const SECTIONS = ['speed', 'sd3', 'gpu', 'quality', 'edit', 'serving', 'load'] as const;

const program = new Command()
  .name('bench')
  .option('--quick', 'fewer steps and configs (CI)', false)
  .option('--out <dir>', 'output directory', 'bench-out')
  .option('--only <sections>', `comma-separated subset of: ${SECTIONS.join(', ')}`)
  .option('--model <name>', 'quality: measure this model alone (its card chooses class or prompted rows)')
  .parse();

const opts = program.opts<{ quick: boolean; out: string; only?: string; model?: string }>();
const wanted = new Set(opts.only ? opts.only.split(',') : SECTIONS);
for (const s of wanted) if (!SECTIONS.includes(s as (typeof SECTIONS)[number])) program.error(`unknown section "${s}"`);

const log = (s: string) => process.stderr.write(`${s}\n`);
const report: Record<string, unknown> = { quick: opts.quick, started: new Date().toISOString() };
mkdirSync(opts.out, { recursive: true });
if (wanted.has('speed')) report.speed = await benchSpeed(opts.quick, log);
if (wanted.has('sd3')) report.sd3 = await benchSd3(opts.quick, log);
if (wanted.has('gpu')) report.gpu = await benchGpu(opts.quick, log);
if (wanted.has('quality')) Object.assign(report, await benchQualitySection(opts.quick, opts.out, log, opts));
if (wanted.has('edit')) {
  report.edit = await benchEdit(opts.quick, log);
  report.edit_prompted = await benchEditPrompted(opts.quick, log);
  report.edit_at_scale = await benchEditAtScale(log);
}
if (wanted.has('serving')) report.serving = await benchServing(opts.quick, log);
if (wanted.has('load')) report.load = await benchLoad(opts.quick, log);
writeFileSync(join(opts.out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${join(opts.out, 'bench.json')}`);
