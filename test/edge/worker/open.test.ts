/** openOnFirst: which node a stream ends up on, and what the caller hears when none takes it. */
import { GrpcWebError, type ras, Status } from '@ras/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../edge/src/errors';
import { openOnFirst } from '../../../edge/src/run/open';

const progress: ras.v1.Event = { progress: { step: 0 } } as ras.v1.Event;

/** A node stream that fails with `code` before its first event, or yields one event. */
async function* node(code?: number): AsyncGenerator<ras.v1.Event> {
  if (code !== undefined) throw new GrpcWebError(code as never, `failed with ${code}`, { 'retry-after-ms': '4000' });
  yield progress;
}

describe('opening a node stream', () => {
  it('skips nodes that fail with a move-on code and serves from the next', async () => {
    const codes: Record<string, number | undefined> = { a: Status.UNAVAILABLE, b: Status.RESOURCE_EXHAUSTED };
    const opened = await openOnFirst(['a', 'b', 'c'], (n) => node(codes[n]), [
      Status.UNAVAILABLE,
      Status.RESOURCE_EXHAUSTED,
    ]);
    expect(opened).toMatchObject({ node: 'c', attempt: 2, first: progress });
  });

  it('answers any other failure at once, without trying further nodes', async () => {
    const tried: string[] = [];
    const call = (n: string) => {
      tried.push(n);
      return node(Status.INVALID_ARGUMENT);
    };
    await expect(openOnFirst(['a', 'b'], call, [Status.UNAVAILABLE])).rejects.toMatchObject({ status: 400 });
    expect(tried).toEqual(['a']);
  });

  it('answers 503 with the last Retry-After when every node failed over', async () => {
    const err = await openOnFirst(['a', 'b'], () => node(Status.UNAVAILABLE), [Status.UNAVAILABLE]).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 503, headers: { 'retry-after': '4' } });
  });
});
