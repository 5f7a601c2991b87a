import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Admission } from '../../gpu-node/src/engine/admission';
import { createEngine } from '../../gpu-node/src/engine/engine';
import { decodePng } from '../../gpu-node/src/engine/images';
import { EngineError, type EngineEvent } from '../../gpu-node/src/engine/types';
import { DEFAULT_MODEL, MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { copyPromptedModel } from '../helpers/mmdit';

const params = { model: 'test-tiny', cond: 1, seed: 3, steps: 8, guidance: 2 };

describe('engine.generate', () => {
  it('returns a PNG of the requested size, a session and progress + previews', async () => {
    const engine = await createEngine();
    const events: EngineEvent[] = [];
    const res = await engine.generate(
      { ...params, width: 10, height: 6 },
      { preview: { every: 4 }, onEvent: (e) => events.push(e) },
    );
    const img = decodePng(res.png);
    expect([img.width, img.height]).toEqual([10, 6]);
    expect(events.filter((e) => e.type === 'progress')).toHaveLength(8);
    const previews = events.filter((e) => e.type === 'preview');
    expect(previews.map((p) => p.step)).toEqual([3, 7]);
    expect(previews[0].focus.length).toBe(15);
    expect((await engine.getSession(res.sessionId)).versions).toEqual([1]);
    expect(res.tokensRun).toBeLessThan(res.tokensTotal);
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the field', async () => {
    const engine = await createEngine();
    const bad: [object, string][] = [
      [{ width: 7 }, 'width'],
      [{ cond: 'purple unicorn' }, 'cond'],
      [{ seed: -2 }, 'seed'],
      [{ ras: { ratio: 2 } }, 'ras.ratio'],
    ];
    for (const [patch, field] of bad) {
      await expect(engine.generate({ ...params, ...patch })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field });
    }
  });

  it('gives NOT_FOUND for an unknown model, naming it', async () => {
    const engine = await createEngine();
    await expect(engine.generate({ ...params, model: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^model: unknown model "nope"/),
    });
  });

  it('gives NOT_FOUND for an unknown session, INVALID_ARGUMENT for what is no session id', async () => {
    const engine = await createEngine();
    await expect(engine.getSession('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(engine.getSession('missing')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'session_id' });
  });
});

describe('Admission', () => {
  it('queues up to maxQueue, then refuses with RESOURCE_EXHAUSTED and a retry hint', async () => {
    const adm = new Admission(1, 1);
    const first = await adm.acquire();
    const positions: number[] = [];
    const second = adm.acquire(undefined, (p) => positions.push(p));
    expect(positions).toEqual([0]); // requests ahead: 0 means next
    const third = adm.acquire();
    await expect(third).rejects.toBeInstanceOf(EngineError);
    await expect(third).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    await third.catch((e: EngineError) => expect(e.retryAfterMs).toBeGreaterThan(0));
    first();
    const release = await second;
    expect(adm.active).toBe(1);
    release();
    expect(adm.active).toBe(0);
  });

  it('drops a queued waiter whose signal aborts', async () => {
    const adm = new Admission(1, 4);
    const first = await adm.acquire();
    const ctl = new AbortController();
    const waiting = adm.acquire(ctl.signal);
    expect(adm.waiting).toBe(1);
    ctl.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(adm.waiting).toBe(0);
    first();
    expect(adm.active).toBe(0);
  });
});

describe('engine.listModels', () => {
  it('names each model as Generate accepts it', async () => {
    const engine = await createEngine();
    const models = await engine.listModels();
    const tiny = models.find((m) => m.name === 'test-tiny');
    expect(tiny).toMatchObject({ width: 12, height: 8, patch: 2 });
    await expect(engine.generate({ ...params, model: tiny!.name, steps: 2 })).resolves.toMatchObject({ version: 1 });
  });
});

describe('the default model', () => {
  const names = async (opts: Parameters<typeof createEngine>[0]) =>
    (await (await createEngine(opts)).listModels()).map((m) => m.name);

  it('is named first, the others following by name; a name the node does not serve changes nothing', async () => {
    const all = await names({});
    expect(all.slice(1)).toEqual([...all.slice(1)].sort());
    expect(await names({ defaultModel: 'test-tiny' })).toEqual([
      'test-tiny',
      ...all.filter((n) => n !== 'test-tiny').sort(),
    ]);
    expect(await names({ defaultModel: 'no-such-model' })).toEqual([...all].sort());
  });

  it(`is ${DEFAULT_MODEL} where a models root holds it, whatever the names; entries may be links to model directories`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'ras-models-'));
    try {
      symlinkSync(join(MODELS_DIR, 'test-tiny'), join(root, 'a-tiny'));
      copyPromptedModel(root, DEFAULT_MODEL);
      expect(await names({ modelsDir: root })).toEqual([DEFAULT_MODEL, 'a-tiny']);
      expect(await names({ modelsDir: root, defaultModel: 'a-tiny' })).toEqual(['a-tiny', DEFAULT_MODEL]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
