/**
 * The re-homing rule (docs/sessions.md, "Re-homing"): among the session's
 * rendezvous order, the nodes that run its backend come first; the warning
 * when an edit runs on another backend than the session's; and an edit's
 * route, which asks the nodes for their backends only once the owner failed.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type Backend, backendWarning, preferBackend, sameBackend } from '../../../edge/src/nodes/backends';
import { editRoute } from '../../../edge/src/nodes/rehome';
import { rendezvous } from '../../../edge/src/nodes/rendezvous';
import {
  answer,
  installFakeNodes,
  modelsReply,
  NODE_A,
  NODE_B,
  NODE_C,
  resetFakeNodes,
  unreachable,
} from './fake-node';

const CPU: Backend = { provider: 'cpu', attention: 'unfused', dtype: 'float32' };
const GPU: Backend = { provider: 'webgpu', attention: 'fused', dtype: 'float32' };
const GPU16: Backend = { ...GPU, dtype: 'float16' };

describe('the re-homing rule', () => {
  const ranked = ['n1', 'n2', 'n3', 'n4'];
  const of: Record<string, Backend | undefined> = { n1: GPU, n2: CPU, n3: undefined, n4: CPU };
  const backendOf = (n: string) => of[n];

  it("puts the nodes that run the session's backend first, each group in rendezvous rank", () => {
    expect(preferBackend(ranked, CPU, backendOf)).toEqual(['n2', 'n4', 'n1', 'n3']);
    expect(preferBackend(ranked, GPU, backendOf)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('keeps the rendezvous rank when no node matches or the session’s backend is unknown', () => {
    expect(preferBackend(ranked, GPU16, backendOf)).toEqual(ranked);
    expect(preferBackend(ranked, undefined, backendOf)).toEqual(ranked);
  });

  it('tells backends apart by provider, attention and dtype, and never matches an unknown one', () => {
    expect(sameBackend(CPU, { ...CPU })).toBe(true);
    expect(sameBackend(GPU, GPU16)).toBe(false);
    expect(sameBackend(CPU, { ...CPU, attention: 'fused' })).toBe(false);
    expect(sameBackend({ ...GPU, provider: 'cpu' }, GPU)).toBe(false);
    expect(sameBackend(undefined, undefined)).toBe(false);
  });
});

describe('the backend warning', () => {
  it('says nothing when the edit ran on the session’s backend, moved or not', () => {
    expect(backendWarning(CPU, { ...CPU }, true)).toBeNull();
    expect(backendWarning(GPU, GPU, false)).toBeNull();
  });

  it('names both backends when the session moved to another one', () => {
    expect(backendWarning(CPU, GPU, true)).toBe(
      'the session moved to another node and was rebuilt there by replay: its versions were sampled on ' +
        'cpu/unfused/float32, which no reachable node runs, and this edit ran on webgpu/fused/float32, ' +
        'so this image differs slightly in pixels from the version it edits, also outside the region',
    );
  });

  it('says the pixels may differ when a moved session’s or its new node’s backend is unknown', () => {
    expect(backendWarning(undefined, GPU, true)).toMatch(/before nodes recorded their backend.*may differ/);
    expect(backendWarning(CPU, undefined, true)).toMatch(/cpu\/unfused\/float32.*did not say its backend.*may differ/);
  });

  it('warns on the session’s own node only when its backend is known to have changed', () => {
    expect(backendWarning(CPU, GPU16, false)).toMatch(/^its versions were sampled on cpu.*webgpu\/fused\/float16/);
    expect(backendWarning(undefined, CPU, false)).toBeNull();
    expect(backendWarning(CPU, undefined, false)).toBeNull();
  });
});

describe('an edit’s route', () => {
  const three = { ...env, GPU_NODES: [NODE_A, NODE_B, NODE_C].join(',') };
  // A session whose rank after its owner A puts B (WebGPU) before C (CPU), so the rule has work to do.
  const id = Array.from({ length: 64 }, (_, i) => `s-route-${i}`).find(
    (s) => rendezvous(s, [NODE_A, NODE_B, NODE_C]).filter((n) => n !== NODE_A)[0] === NODE_B,
  )!;
  const session = { sessionId: id, node: NODE_A, model: 'test-tiny', backend: CPU };

  async function walk(route: ReturnType<typeof editRoute>, asked: () => number) {
    const it = route.nodes[Symbol.asyncIterator]();
    const first = (await it.next()).value;
    const askedBeforeMoving = asked();
    const rest: string[] = [];
    for (let n = await it.next(); !n.done; n = await it.next()) rest.push(n.value);
    return { first, askedBeforeMoving, rest };
  }

  it('tries the owner without asking anyone, then the nodes on the session’s backend first', async () => {
    installFakeNodes();
    const b = answer(NODE_B, 'ListModels', modelsReply(GPU));
    const c = answer(NODE_C, 'ListModels', modelsReply(CPU));
    const route = editRoute(three, session);
    const { first, askedBeforeMoving, rest } = await walk(route, () => b.length + c.length);
    expect([first, askedBeforeMoving]).toEqual([NODE_A, 0]);
    expect(rest).toEqual([NODE_C, NODE_B]);
    expect([route.backendOf(NODE_C), route.backendOf(NODE_B), route.backendOf(NODE_A)]).toEqual([CPU, GPU, CPU]);
    resetFakeNodes();
  });

  it('keeps the rendezvous rank when the node on the session’s backend does not say its backend', async () => {
    installFakeNodes();
    answer(NODE_B, 'ListModels', modelsReply(GPU));
    unreachable(NODE_C, 'ListModels');
    const route = editRoute(three, session);
    expect((await walk(route, () => 0)).rest).toEqual([NODE_B, NODE_C]);
    expect(route.backendOf(NODE_C)).toBeUndefined();
    answer(NODE_B, 'ListModels', modelsReply());
    answer(NODE_C, 'ListModels', modelsReply(CPU));
    expect((await walk(editRoute(three, session), () => 0)).rest).toEqual([NODE_C, NODE_B]);
    resetFakeNodes();
  });
});
