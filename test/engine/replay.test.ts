import { describe, expect, it } from 'vitest';
import { toSampleRequest } from '../../gpu-node/src/engine/params';
import {
  conditioningOf,
  conditionsOf,
  editOf,
  editRequest,
  recipeOf,
  recipeRequest,
} from '../../gpu-node/src/engine/sessions/recipe';
import { type Replayer, trajectoryOf } from '../../gpu-node/src/engine/sessions/replay';
import { SessionStore } from '../../gpu-node/src/engine/sessions/store';
import { ClassPipeline } from '../../gpu-node/src/pipelines/class-dit';
import { resolveRequest, withRecording } from '../../gpu-node/src/sampler/settings';
import { FakeModel, fakeCard } from '../helpers/fake-model';
import { resolveAndSample } from '../helpers/sample';

const fleet = { stateKeys: { current: 'r'.repeat(32) } };
const field = (j: number, d: number, t: number, cond: number) => (d % 2 ? -1 : 1) * (1 + ((j + cond) % 5)) + t * 1e-3;
const png = new Uint8Array([1]);

/** A session of two versions made on one store, and a replayer on another store that adopted it. */
async function adoptedSession() {
  const model = new FakeModel(fakeCard(), field);
  const params = { model: 'fake', cond: 1, seed: 3, steps: 8, guidance: 2 };
  const pipeline = new ClassPipeline(model, 'fake');
  const conditions = conditionsOf(pipeline, params);
  const conditioning = await pipeline.conditioning([conditions.cond], conditions.negative);
  const resolved = withRecording(resolveRequest(model.card, toSampleRequest(model.card, params, conditioning)), 2);
  const recipe = recipeOf(params, resolved, model.card.patch, conditions);
  const home = await SessionStore.open(fleet);
  const v1 = await resolveAndSample(model, recipeRequest(recipe, conditioning));
  const meta = await home.create(recipe, v1.trajectory!, png);
  const edit = editOf(pipeline, recipe, {
    sessionId: meta.id,
    rects: [{ x: 1, y: 1, width: 2, height: 1 }],
    seed: 9,
  });
  const v2 = await resolveAndSample(model, editRequest(recipe, edit, await conditioningOf(pipeline, recipe, edit)), {
    base: v1.trajectory!,
  });
  await home.addEdit(meta.id, 1, edit, v2.trajectory!, png);
  const other = await SessionStore.open(fleet);
  const adopted = await other.adopt(meta.id, home.state(meta.id));
  const logged: string[] = [];
  let replayed = 0;
  const ctx: Replayer = { sessions: other, pipeline, log: (m) => logged.push(m), onReplayed: () => replayed++ };
  return { ctx, adopted, v1, v2, logged, replays: () => replayed };
}

describe('replay', () => {
  it('rebuilds an edited version from its recipe and its ancestors, bit-identical', async () => {
    const { ctx, adopted, v1, v2, logged, replays } = await adoptedSession();
    const t = await trajectoryOf(ctx, adopted, 2);
    expect(t.x.at(-1)).toEqual(v2.trajectory!.x.at(-1));
    expect(t).toEqual(v2.trajectory);
    expect(await ctx.sessions.trajectory(adopted.id, 1)).toEqual(v1.trajectory);
    expect(replays()).toBe(2);
    expect(logged.map((m) => m.match(/ v(\d+):/)![1])).toEqual(['2', '1']);
  });

  it('runs nothing for a version whose trajectory is kept', async () => {
    const { ctx, adopted, replays } = await adoptedSession();
    await trajectoryOf(ctx, adopted, 1);
    const calls = (ctx.pipeline.transformer as FakeModel).calls.length;
    await trajectoryOf(ctx, adopted, 1);
    expect(replays()).toBe(1);
    expect((ctx.pipeline.transformer as FakeModel).calls.length).toBe(calls);
  });
});
