/**
 * Opens a node stream (Generate or Edit) on the first node that takes it.
 * The first event is awaited before anything is answered, so a request the
 * node refuses gets its proper HTTP status (400, 404, 503…) instead of a 200
 * stream with an error inside, and a node that is down or busy is skipped.
 */
import { GrpcWebError, type ras, type StatusCode } from '@ras/shared';
import { ApiError } from '../errors';
import { fromNodeError, retryAfterS } from '../nodes/status-map';

/** A stream that has produced its first event. */
export interface OpenedStream {
  /** The node that is serving it. */
  node: string;
  /** Its index in the list tried (0: the first choice). */
  attempt: number;
  first: ras.v1.Event;
  rest: AsyncGenerator<ras.v1.Event>;
}

/**
 * Starts `call` on each node of `nodes` in order until one produces an event
 * (`nodes` may be lazy: the next node is asked for only after one failed).
 * A failure whose code is in `moveOn` tries the next node; any other failure
 * is answered at once. When every node failed that way: 503 + Retry-After.
 */
export async function openOnFirst(
  nodes: Iterable<string> | AsyncIterable<string>,
  call: (node: string) => AsyncGenerator<ras.v1.Event>,
  moveOn: readonly StatusCode[],
): Promise<OpenedStream> {
  const failures: string[] = [];
  let retry = '1';
  let attempt = 0;
  for await (const node of nodes) {
    const rest = call(node);
    try {
      const first = await rest.next();
      if (first.done) throw new ApiError(502, 'node_error', `GPU node ${node} ended the stream without a result`);
      return { node, attempt, first: first.value, rest };
    } catch (e) {
      if (!(e instanceof GrpcWebError) || !moveOn.includes(e.code)) throw e instanceof ApiError ? e : fromNodeError(e);
      failures.push(`${node}: ${e.message}`);
      retry = retryAfterS(e.trailers);
    }
    attempt++;
  }
  throw new ApiError(503, 'unavailable', `no GPU node could take the request (${failures.join('; ')})`, {
    'retry-after': retry,
  });
}
