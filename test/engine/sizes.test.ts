import { describe, expect, it } from 'vitest';
import { createEngine } from '../../gpu-node/src/engine/engine';

const params = { model: 'test-tiny', cond: 1, seed: 3, steps: 2 };

describe('image sizes', () => {
  it('names both sides when both are wrong, and only the wrong one otherwise', async () => {
    const engine = await createEngine();
    await expect(engine.generate({ ...params, width: 7, height: 9 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(
        /^height: must be a multiple of 2 .*, got 9; width: must be a multiple of 2 .*, got 7$/,
      ),
    });
    await expect(engine.generate({ ...params, width: 7, height: 8 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'width',
      message: expect.stringMatching(/^width: must be a multiple of 2 .*, got 7$/),
    });
  });

  it('lists the sizes each model serves well, from its card', async () => {
    const engine = await createEngine();
    const models = await engine.listModels();
    expect(models.find((m) => m.name === 'test-tiny')?.sizes).toEqual([]);
    expect(models.find((m) => m.name === 'shapes-dit')?.sizes).toEqual([{ width: 32, height: 32 }]);
  });
});
