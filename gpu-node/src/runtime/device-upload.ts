/**
 * Host tensors brought onto the WebGPU device once, where onnxruntime-node has
 * no upload call: an identity graph (`kv-graph.ts` `uploadGraph`) run on the
 * model's provider with its outputs kept on the device. A run's constant
 * feeds (the prompt's text K/V and caption, the RoPE table: run-feeds.ts)
 * cross this way once per run and are fed from the device every step
 * (device-kv.ts `pinned`). The int64 ones (a prompt's mask) stay on the host.
 */
import ort from 'onnxruntime-node';
import { uploadGraph } from './kv-graph';

type Guard = <T>(f: () => Promise<T>) => Promise<T>;

export class DeviceUpload {
  /** Bytes uploaded since load. */
  readonly traffic = { toDevice: 0 };
  /** Upload graphs by their inputs' types (one per model in practice: a run's constant feeds are fixed). */
  private readonly sessions = new Map<string, Promise<ort.InferenceSession>>();

  /** `guard` turns a device's errors into the runtime's (onnx-model.ts). */
  constructor(
    private readonly provider: string,
    private readonly guard: Guard,
  ) {}

  /** Device copies of the floating-point tensors among `feeds`, by name (counted). */
  async upload(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
    const names = Object.keys(feeds)
      .filter((name) => feeds[name].type === 'float32' || feeds[name].type === 'float16')
      .sort();
    if (!names.length) return {};
    const dtypes = names.map((n) => feeds[n].type as 'float32' | 'float16');
    const session = await this.session(dtypes);
    const out = await this.guard(() => session.run(Object.fromEntries(names.map((n, j) => [`in_${j}`, feeds[n]]))));
    for (const n of names) this.traffic.toDevice += feeds[n].size * (feeds[n].type === 'float16' ? 2 : 4);
    return Object.fromEntries(names.map((n, j) => [n, out[`out_${j}`]]));
  }

  async dispose(): Promise<void> {
    for (const session of this.sessions.values()) await (await session).release();
  }

  private session(dtypes: ('float32' | 'float16')[]): Promise<ort.InferenceSession> {
    const key = dtypes.join();
    let session = this.sessions.get(key);
    if (!session) {
      const outputs = Object.fromEntries(dtypes.map((_, j) => [`out_${j}`, 'gpu-buffer' as const]));
      session = ort.InferenceSession.create(uploadGraph(dtypes), {
        executionProviders: [this.provider],
        logSeverityLevel: 3,
        preferredOutputLocation: outputs,
      });
      this.sessions.set(key, session);
    }
    return session;
  }
}
