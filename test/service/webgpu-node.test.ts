/**
 * A GPU node process started with RAS_EXECUTION_PROVIDERS=webgpu (lavapipe
 * here) beside a CPU node: the ready line names the adapter; generation with
 * previews, a region edit and the session calls answer as on the CPU, with
 * images that match; without a Vulkan adapter the node refuses to start.
 */
import type { ras } from '@ras/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../../gpu-node/src/engine/images';
import { type NodeEnv, type Stack, startStack } from '../helpers/stack';

/** GPU nodes alone (no edge), one per entry of `envs`. */
const startNodes = (envs: NodeEnv[]) => startStack({ nodes: envs, edges: [] });

async function drain(stream: AsyncGenerator<ras.v1.Event>): Promise<ras.v1.Event[]> {
  const out: ras.v1.Event[] = [];
  for await (const e of stream) out.push(e);
  return out;
}

/** PSNR of two PNGs' RGB in dB. */
function psnr(a: Uint8Array, b: Uint8Array): number {
  const x = decodePng(a).data;
  const y = decodePng(b).data;
  let se = 0;
  for (let k = 0; k < x.length; k++) se += (x[k] - y[k]) ** 2;
  return 10 * Math.log10((255 * 255) / Math.max(se / x.length, 1e-10));
}

let stack: Stack;
beforeAll(async () => {
  stack = await startNodes([{ RAS_EXECUTION_PROVIDERS: 'webgpu' }, {}]); // node 0 on WebGPU, node 1 on the CPU
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const request = { model: 'shapes-dit', condition: { label: 'blue square' }, seed: 5, steps: 12, preview: { every: 4 } };

describe('a GPU node on the WebGPU provider', () => {
  it('names its adapter in the ready line, and that it runs unfused attention there', () => {
    const ready = stack.nodes[0].child.lines.find((l) => l.includes('gpu-node ready'));
    expect(ready).toMatch(
      /webgpu on "llvmpipe[^"]*" \(its FlashAttention is inexact: unfused attention where it fits\)/,
    );
  });

  it('generates with previews, edits a region and keeps the session, drawing what the CPU node draws', async () => {
    const [g, c] = [stack.direct(0), stack.direct(1)];
    const [eventsG, eventsC] = await Promise.all([drain(g.generate(request)), drain(c.generate(request))]);
    expect(eventsG.filter((e) => e.preview)).toHaveLength(3);
    const [first, firstCpu] = [eventsG.at(-1)!.result!, eventsC.at(-1)!.result!];
    expect(psnr(first.png, firstCpu.png)).toBeGreaterThanOrEqual(35);

    const edit = (sessionId: string) => ({ sessionId, rects: [{ x: 8, y: 8, width: 12, height: 12 }], seed: 77 });
    const [editG, editC] = await Promise.all([
      drain(g.edit(edit(first.sessionId))),
      drain(c.edit(edit(firstCpu.sessionId))),
    ]);
    const [second, secondCpu] = [editG.at(-1)!.result!, editC.at(-1)!.result!];
    expect(second.version).toBe(2);
    expect(psnr(second.png, secondCpu.png)).toBeGreaterThanOrEqual(35);
    expect(psnr(second.png, first.png)).toBeLessThan(60); // the region did change

    const session = await g.getSession({ sessionId: first.sessionId });
    expect(session.versions).toEqual([1, 2]);
  }, 180_000);
});

describe('a GPU node asked for WebGPU where there is no adapter', () => {
  it('refuses to start and says why', async () => {
    const failed = startNodes([{ RAS_EXECUTION_PROVIDERS: 'webgpu', VK_ICD_FILENAMES: '/nonexistent/icd.json' }]);
    await expect(failed).rejects.toThrow(/exited \(1\)[\s\S]*no WebGPU adapter was found/);
  });
});
