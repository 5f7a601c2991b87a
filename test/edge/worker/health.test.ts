import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('the health check', () => {
  it('answers ok with the number of configured nodes', async () => {
    const res = await SELF.fetch('http://edge.test/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', nodes: 2 });
  });
});
