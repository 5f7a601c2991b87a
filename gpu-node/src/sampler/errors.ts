/**
 * The sampler's one error type: bad configuration, raised before any compute.
 * `field` names the setting that was wrong so the gRPC / HTTP layers can map it
 * to INVALID_ARGUMENT / 400 with a message a user can act on. Messages quote
 * inputs with `quote`, never whole.
 */

/** Characters of an input an error message repeats. */
export const MAX_QUOTED = 64;

/**
 * `value` as JSON text, cut to MAX_QUOTED characters (its length noted), so a
 * huge input never becomes a huge status message: stock gRPC clients cap
 * metadata at 8 KiB and report more as RESOURCE_EXHAUSTED.
 */
export function quote(value: unknown): string {
  const text = String(value);
  if (text.length <= MAX_QUOTED) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_QUOTED))}… (${text.length} characters)`;
}

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
