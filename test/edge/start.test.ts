/**
 * `npm start` (edge/scripts/start.ts) as the README runs it: the banner comes
 * up, the curl line it prints works as printed (for the default model: a
 * prompted one here, from RAS_MODELS_DIR), and Ctrl-C stops everything with
 * status 0. The banner's own GET /v1/models leaves no request line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PROMPT, tryLines } from '../../edge/scripts/banner';
import { type Child, startNodeProcess } from '../../edge/scripts/processes';
import { DEFAULT_MODEL } from '../../gpu-node/src/runtime/registry';
import { promptedDefaultRoot } from '../helpers/mmdit';
import { decodePng } from '../helpers/png';

let root: string;
let dir: string;
let start: Child;

beforeAll(() => {
  root = promptedDefaultRoot();
  dir = mkdtempSync(join(tmpdir(), 'ras-start-test-'));
});

afterAll(async () => {
  await start?.stop('SIGKILL');
  for (const d of [root, dir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints a curl line for the default model that works as printed, and stops on Ctrl-C', async () => {
    const env = {
      EDGE_PORT: '0',
      GPU_NODE_PORT: '0',
      GPU_NODE_WEB_PORT: '0',
      RAS_API_KEY: 'start-test-key',
      RAS_CACHE_DIR: join(dir, 'cache'),
      RAS_MODELS_DIR: root,
      RAS_INTRA_OP_THREADS: '1',
    };
    start = startNodeProcess('npm start', ['--import', 'tsx', 'edge/scripts/start.ts'], env);
    await start.waitFor(/^Ctrl-C stops both\.$/, 120_000);
    const banner = start.lines.join('\n');
    expect(banner).toMatch(/^ {2}page: {5}http:\/\/127\.0\.0\.1:\d+\/#key=start-test-key$/m);
    expect(banner).toContain(`Try ${DEFAULT_MODEL} (`);
    const curl = /^ {2}(curl -s [\s\S]*?> out\.png)$/m.exec(banner)?.[1];
    expect(curl).toContain(JSON.stringify({ prompt: EXAMPLE_PROMPT }));
    execFileSync('bash', ['-c', curl!.replace(/\\\n/g, ' ')], { cwd: dir, timeout: 60_000 });
    expect(decodePng(readFileSync(join(dir, 'out.png')).toString('base64'))).toMatchObject({ width: 64, height: 64 });

    process.kill(-start.proc.pid!, 'SIGINT');
    expect(await start.exited).toBe(0);
    expect(start.lines.filter((l) => /GET \/v1\/models/.test(l))).toEqual([]);
    expect(start.lines.filter((l) => /POST \/v1\/generations 200/.test(l))).toHaveLength(1);
  }, 180_000);
});

describe("the banner's try lines", () => {
  const url = 'http://127.0.0.1:8787';
  it('give a class model its first label, and say so when no model serves a size', () => {
    const lines = tryLines(url, 'k', { name: 'shapes-dit', prompted: false, labels: ['red circle', 'x'], sizes: [] });
    expect(lines).toContain(`-d '{"model":"shapes-dit","condition":{"label":"red circle"},"seed":7}'`);
    expect(lines).toContain(`npm run -s ras -- generate "red circle" -o out.png`);
    expect(tryLines(url, 'k', null)).toMatch(/^No model serves any size well/);
  });
});
