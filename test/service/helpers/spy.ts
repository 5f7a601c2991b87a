/**
 * A pass-through around the real engine that records what the transports
 * hand it (the signal) and how each run ended, so tests observe cancellation
 * through the engine's own events and outcome, never through timing.
 */
import type {
  Engine,
  EngineEvent,
  GenerateParams,
  GenerateResult,
  RunOptions,
} from '../../../gpu-node/src/engine/types';

/** One generate() call as the engine saw it. */
export interface RunRecord {
  params: GenerateParams;
  signal?: AbortSignal;
  events: EngineEvent[];
  /** Progress events the engine emitted after the signal aborted. */
  progressAfterAbort: number;
  /** Settles when the engine's run has ended: its result or its error. */
  outcome: Promise<{ result?: GenerateResult; error?: unknown }>;
}

/** Wraps `engine`; `runs` fills as calls arrive, `run(i)` waits for the i-th (0-based). */
export function spyEngine(engine: Engine) {
  const runs: RunRecord[] = [];
  const waiting: (() => void)[] = [];
  const spy: Engine = {
    listModels: () => engine.listModels(),
    edit: (p, o) => engine.edit(p, o),
    getSession: (id) => engine.getSession(id),
    deleteSession: (id) => engine.deleteSession(id),
    generate(params: GenerateParams, opts: RunOptions = {}) {
      const record = { params, signal: opts.signal, events: [], progressAfterAbort: 0 } as unknown as RunRecord;
      const onEvent = (e: EngineEvent) => {
        record.events.push(e);
        if (e.type === 'progress' && opts.signal?.aborted) record.progressAfterAbort++;
        opts.onEvent?.(e);
      };
      const run = engine.generate(params, { ...opts, onEvent });
      record.outcome = run.then(
        (result) => ({ result }),
        (error) => ({ error }),
      );
      runs.push(record);
      for (const wake of waiting.splice(0)) wake();
      return run;
    },
  };
  const run = async (i: number): Promise<RunRecord> => {
    while (runs.length <= i) await new Promise<void>((wake) => waiting.push(wake));
    return runs[i];
  };
  return { engine: spy, runs, run };
}
