/**
 * Admission control: at most `maxConcurrent` samplings run on the node, at most
 * `maxQueue` wait; beyond that RESOURCE_EXHAUSTED with a retry hint. A waiter
 * whose signal aborts leaves the queue at once.
 */
import { EngineError } from './types';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class Admission {
  private running = 0;
  private readonly queue: Waiter[] = [];
  /** Exponential average of a run's duration, for the retry hint. */
  private avgRunMs = 1000;

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueue: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Waits for a slot; `onQueued(position)` is told when the caller has to
   * wait, with the number of requests queued ahead of it (0: next).
   * Returns the release function, to be called exactly once.
   */
  async acquire(signal?: AbortSignal, onQueued?: (position: number) => void): Promise<() => void> {
    if (signal?.aborted) throw new EngineError('CANCELLED', 'request cancelled before it started');
    if (this.running >= this.maxConcurrent) {
      if (this.queue.length >= this.maxQueue) {
        const retryAfterMs = Math.ceil(this.avgRunMs * (1 + this.queue.length / this.maxConcurrent));
        throw new EngineError('RESOURCE_EXHAUSTED', 'node busy: queue full, retry later', undefined, retryAfterMs);
      }
      onQueued?.(this.queue.length); // requests ahead of this one: 0 means next
      await this.wait(signal); // the releasing run hands its slot over
    } else {
      this.running++;
    }
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.avgRunMs = 0.8 * this.avgRunMs + 0.2 * (performance.now() - started);
      const next = this.queue.shift();
      if (next) next.resolve();
      else this.running--;
    };
  }

  private wait(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      const onAbort = () => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(new EngineError('CANCELLED', 'request cancelled while queued'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }
}
