/**
 * What a run shows on the terminal: a progress bar (cli-progress) on stderr
 * with the steps and the share of tokens RAS computed, the queue position and
 * warnings as lines, and each preview written to a folder when asked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { RunEvents } from './backend';

export interface ProgressOptions {
  /** `auto`: a bar when stderr is a terminal; `always`: lines even when it is not; `never`. */
  mode: 'auto' | 'always' | 'never';
  /** Folder for the previews (step-NNN.png), or none. */
  previewDir?: string;
  stream?: NodeJS.WriteStream;
}

/** Run events that drive a bar; `stop()` clears it before the result is printed. */
export function progressBar(opts: ProgressOptions): RunEvents & { stop(): void } {
  const stream = opts.stream ?? process.stderr;
  const shown = opts.mode === 'always' || (opts.mode === 'auto' && stream.isTTY);
  const bar = new SingleBar(
    {
      stream,
      format: 'sampling |{bar}| step {value}/{total} · tokens computed {share}',
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: opts.mode === 'always',
      notTTYSchedule: 0,
    },
    Presets.shades_classic,
  );
  let started = false;
  let tokens = { run: 0, total: 0 };
  const say = (line: string) => {
    if (started && stream.isTTY) stream.write('\n');
    stream.write(`${line}\n`);
  };
  if (opts.previewDir) mkdirSync(opts.previewDir, { recursive: true });
  return {
    onQueued(position) {
      if (shown) say(`queued: ${position} request(s) ahead`);
    },
    onProgress(p) {
      tokens = { run: tokens.run + p.tokensRun, total: tokens.total + p.tokens };
      const share = `${Math.round((100 * tokens.run) / Math.max(1, tokens.total))}%`;
      if (!shown) return;
      if (!started) bar.start(p.steps, 0, { share });
      started = true;
      bar.update(p.step + 1, { share });
    },
    onPreview(p) {
      if (!opts.previewDir) return;
      const ext = p.mime === 'image/jpeg' ? 'jpg' : 'png';
      writeFileSync(join(opts.previewDir, `step-${String(p.step + 1).padStart(3, '0')}.${ext}`), p.image);
    },
    onWarning(text) {
      say(`warning: ${text}`);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
