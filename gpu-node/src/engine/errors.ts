/**
 * The node's one error type at its boundary: whatever a call throws — the
 * sampler's configuration errors, a cancel, the device failing — leaves the
 * engine as an EngineError with a status code.
 */
import { DeviceLostError, DeviceMemoryError } from '../runtime/device-errors';
import { SamplerConfigError, SamplingCancelledError } from '../sampler/errors';
import { EngineError } from './types';

/** Converts the sampler's errors to EngineErrors (the node's one error type). */
export function toEngineError(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  if (e instanceof SamplerConfigError) return new EngineError('INVALID_ARGUMENT', e.message, e.field);
  if (e instanceof SamplingCancelledError) return new EngineError('CANCELLED', e.message);
  if (e instanceof DeviceMemoryError) {
    return new EngineError('RESOURCE_EXHAUSTED', `${e.message}; retry, or ask for a smaller image`, undefined, 1000);
  }
  if (e instanceof DeviceLostError) return new EngineError('UNAVAILABLE', e.message);
  return new EngineError('INTERNAL', `internal error: ${(e as Error)?.message ?? e}`);
}
