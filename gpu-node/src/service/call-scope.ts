/**
 * One call's lifetime as an AbortSignal (docs/design.md#streams-and-lifetimes):
 * it aborts when the deadline passes or the client goes away, with an
 * EngineError reason that names which, so the status says so too.
 */
import { EngineError } from '../engine/types';

/** setTimeout's ceiling; longer deadlines are left to the transport. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class CallScope {
  private readonly controller = new AbortController();
  private readonly timer?: ReturnType<typeof setTimeout>;

  /** @param deadline absolute time in ms since the epoch (Infinity or undefined: none). */
  constructor(private readonly deadline?: number) {
    if (deadline === undefined || !Number.isFinite(deadline)) return;
    const left = deadline - Date.now();
    if (left <= 0) this.expire();
    else if (left <= MAX_TIMER_MS) this.timer = setTimeout(() => this.expire(), left);
  }

  /** Aborts when the call should stop; pass it to the engine. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The deadline passed: DEADLINE_EXCEEDED. */
  expire(): void {
    this.abort(new EngineError('DEADLINE_EXCEEDED', 'deadline exceeded'));
  }

  /** The client went away or cancelled: CANCELLED (or DEADLINE_EXCEEDED if that is why). */
  cancel(): void {
    if (this.deadline !== undefined && Date.now() >= this.deadline) this.expire();
    else this.abort(new EngineError('CANCELLED', 'call cancelled by the client'));
  }

  /** Releases the timer; call once the call has ended. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private abort(reason: EngineError): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
    this.dispose();
  }
}
