/**
 * Sampling from a request in one call, for tests: resolve it (once, as every
 * caller of the sampler does), then run it. Async, so a bad request rejects
 * like a failed run and tests can await either the same way.
 */
import type { DitModel } from '../../gpu-node/src/sampler/model';
import { type SampleOptions, type SampleResult, sample } from '../../gpu-node/src/sampler/sampler';
import { resolveRequest, type SampleRequest } from '../../gpu-node/src/sampler/settings';

/** `req` resolved for `model` and sampled. */
export async function resolveAndSample(
  model: DitModel,
  req: SampleRequest,
  opts?: SampleOptions,
): Promise<SampleResult> {
  return sample(model, resolveRequest(model.card, req), opts);
}
