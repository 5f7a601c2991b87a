/**
 * The sampler's one error type: bad configuration, raised before any compute.
 * `field` names the setting that was wrong so the gRPC / HTTP layers can map it
 * to INVALID_ARGUMENT / 400 with a message a user can act on.
 */
export class SamplerConfigError extends Error {
  override readonly name = 'SamplerConfigError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Raised when a run is stopped through its AbortSignal; checked once per step. */
export class SamplingCancelledError extends Error {
  override readonly name = 'SamplingCancelledError';
  constructor(readonly step: number) {
    super(`sampling cancelled before step ${step}`);
  }
}
