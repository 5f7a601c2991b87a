import { ras } from '@ras/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rendezvous } from '../../../edge/src/nodes/rendezvous';
import { answer, api, grpcWebBody, installFakeNodes, NODE_A, NODE_B, resetFakeNodes, unreachable } from './fake-node';

const SHAPES = {
  name: 'shapes-dit',
  labels: ['red circle'],
  width: 32,
  height: 32,
  patch: 4,
  recommendedSteps: 28,
  recommendedGuidance: 3,
};

const PROMPTED = {
  name: 'scenes',
  labels: [],
  width: 64,
  height: 64,
  patch: 4,
  recommendedSteps: 28,
  recommendedGuidance: 3,
};

const reply = ras.v1.ListModelsResponse.encode({
  models: [
    { name: 'test-tiny', labels: [], width: 12, height: 8, patch: 2, recommendedSteps: 28, recommendedGuidance: 1 },
    { ...SHAPES, sizes: [{ width: 32, height: 32 }] },
    { ...PROMPTED, sizes: [{ width: 64, height: 64 }], prompted: true },
  ],
}).finish();

describe('GET /v1/models', () => {
  beforeAll(installFakeNodes);
  beforeEach(resetFakeNodes);

  it('lists the models of the first node that answers with the sizes each serves well and which take prompts, skipping one that is down', async () => {
    const [first, second] = rendezvous('models', [NODE_A, NODE_B]);
    unreachable(first, 'ListModels');
    const received = answer(second, 'ListModels', grpcWebBody([reply]));
    const res = await api('/v1/models');
    expect(received).toHaveLength(1);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      models: [
        {
          name: 'test-tiny',
          labels: [],
          width: 12,
          height: 8,
          patch: 2,
          recommendedSteps: 28,
          recommendedGuidance: 1,
          prompted: false,
          sizes: [],
        },
        { ...SHAPES, prompted: false, sizes: [{ width: 32, height: 32 }] },
        { ...PROMPTED, prompted: true, sizes: [{ width: 64, height: 64 }] },
      ],
    });
  });

  it('answers 503 when no node answers', async () => {
    const res = await api('/v1/models');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });
});
