/**
 * Load (issue 6): two GPU nodes with one sampling slot and two queue places
 * each behind the edge worker (workerd), and 4× that admission capacity in clients for
 * a bounded time. Nothing is lost: every request ends with a result or a
 * clean 429/503 + Retry-After. Node RSS stays within the session memory
 * budget plus a stated constant. Numbers land in test-artifacts/load.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveLoad, LOAD_MODEL, RSS_CONSTANT_MB } from '../../bench/load';
import { linkModels, ROOT } from '../../edge/scripts/processes';
import { type Stack, startStack } from '../helpers/stack';

const [NODES, MAX_CONCURRENT, MAX_QUEUE] = [2, 1, 2];
const CLIENTS = 4 * NODES * (MAX_CONCURRENT + MAX_QUEUE);
const SECONDS = 20;
const MEMORY_MB = 32;
const KEYS = Array.from({ length: CLIENTS }, (_, i) => `load-${i}`);

describe('the stack under 4x its admission capacity', () => {
  let stack: Stack;
  // The nodes serve the driven model alone (bench/load.ts, RSS_CONSTANT_MB).
  const dir = mkdtempSync(join(tmpdir(), 'ras-load-'));

  beforeAll(async () => {
    stack = await startStack({
      nodes: NODES,
      keys: KEYS,
      nodeEnv: {
        RAS_MAX_CONCURRENT: String(MAX_CONCURRENT),
        RAS_MAX_QUEUE: String(MAX_QUEUE),
        RAS_SESSION_MEMORY_BYTES: String(MEMORY_MB * 2 ** 20),
        RAS_SESSION_DISK_BYTES: String(4 * MEMORY_MB * 2 ** 20),
        RAS_MODELS_DIR: linkModels(join(dir, 'models'), [LOAD_MODEL]),
      },
    });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('loses no request and keeps node memory within its budget', async () => {
    // 32×32 px of test-tiny: 256 tokens, ~3 MiB of trajectory per session, so the sessions made
    // in the run (hundreds) would far outgrow the 32 MiB memory tier if it were not bounded.
    const result = await driveLoad({
      url: stack.edges[0].url,
      keys: KEYS,
      seconds: SECONDS,
      body: (c, i) => ({
        model: LOAD_MODEL,
        condition: { classId: (c + i) % 4 },
        seed: c * 1000 + i,
        steps: 8,
        width: 32,
        height: 32,
        stream: c % 2 === 0,
      }),
      pids: stack.nodes.map((n) => n.child.proc.pid!),
      requestTimeoutMs: 60_000,
    });
    const { lostReasons, ...row } = result;
    const record = { ...row, rss_budget_mb: MEMORY_MB + RSS_CONSTANT_MB, nodes: NODES, max_queue: MAX_QUEUE };
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts/load.json'), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`load: ${JSON.stringify(record)}`);

    expect(lostReasons, stack.output()).toEqual([]);
    expect(result.lost).toBe(0);
    expect(result.completed).toBeGreaterThan(CLIENTS);
    expect(result.busy, 'admission refused nothing: the load did not exceed capacity').toBeGreaterThan(0);
    expect(result.rss_peak_mb).toBeLessThanOrEqual(MEMORY_MB + RSS_CONSTANT_MB);
    // Both nodes still serve after the run, the driven model alone.
    for (const i of [0, 1])
      expect((await stack.direct(i).listModels()).models.map((m) => m.name)).toEqual([LOAD_MODEL]);
  }, 120_000);
});
