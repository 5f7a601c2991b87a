/**
 * Device-resident K/V caches (WebGPU): one tensor per cache slot for K and for
 * V (slots: the layers, then MMDiT-X's attn2, kv-slots.ts), the graph's
 * `k_all_<l>` / `v_all_<l>` (`k2_all_<l>` …) outputs of the last step, fed
 * straight back as the next step's `k_cache_<l>` / `v_cache_<l>` (docs/gpu.md). Nothing
 * crosses to the host on a step; a trajectory snapshot or an edit's rebase
 * does, through `DeviceLink`, and is counted there.
 */
import type ort from 'onnxruntime-node';
import { mergeRows } from '../sampler/kv-cache';
import type { KvArrays, KvCaches } from '../sampler/model';
import type { SlotNames } from './kv-slots';

/** What the caches need from the model that owns them. */
export interface DeviceLink {
  /** Host copies of the given slots' tensors, [slots, rows, heads, N, head_dim] each (counted). */
  download(k: ort.Tensor[], v: ort.Tensor[]): Promise<KvArrays>;
  /** Host-side tensors of a slot's K and V (uploaded, and counted, by the next run). */
  hostTensors(kv: KvArrays, slot: number, dims: number[]): { k: ort.Tensor; v: ort.Tensor };
  /** Device tensors now held by runs; the leak tests watch it. */
  live: number;
}

export class DeviceKv implements KvCaches {
  readonly residency = 'device';
  private k: ort.Tensor[] = [];
  private v: ort.Tensor[] = [];
  private disposed = false;
  /** Device copies of feeds fixed for the run (run-feeds.ts), and the host feeds they copy. */
  private held: { of: object; feeds: Record<string, ort.Tensor> } | null = null;

  constructor(
    readonly link: DeviceLink,
    private readonly slots: readonly SlotNames[],
    readonly dims: [rows: number, heads: number, tokens: number, headDim: number],
  ) {
    const size = slots.length * dims.reduce((a, b) => a * b, 1);
    this.setHost({ k: new Float32Array(size), v: new Float32Array(size) });
  }

  /** The graph's cache inputs. */
  feeds(): Record<string, ort.Tensor> {
    const feeds: Record<string, ort.Tensor> = {};
    this.slots.forEach((names, s) => {
      feeds[names.k] = this.k[s];
      feeds[names.v] = this.v[s];
    });
    return feeds;
  }

  /** Takes a step's `k_all_<l>` / `v_all_<l>` (and `k2_all_<l>` …) outputs; frees the tensors they replace. */
  adopt(out: Record<string, ort.Tensor>): void {
    const missing = this.slots.find((names) => !out[names.kAll] || !out[names.vAll]);
    if (missing) throw new Error(`the graph returned no ${missing.kAll} / ${missing.vAll}`);
    const k = this.slots.map((names) => out[names.kAll]);
    const v = this.slots.map((names) => out[names.vAll]);
    const stray = [...k, ...v].find((t) => t.location !== 'gpu-buffer');
    if (stray) throw new Error(`a K/V cache came back in ${stray.location} memory, not on the device`);
    this.link.live += 2 * this.slots.length;
    this.release();
    this.k = k;
    this.v = v;
    if (this.disposed) this.release(); // disposed while the step ran: nothing may stay behind
  }

  /**
   * Device copies of `of`'s feeds (a run's conditioning and RoPE table), made by `upload` the first
   * time and kept with the caches until they are disposed (or `of` changes): they cross once per run.
   */
  async pinned(of: object, upload: () => Promise<Record<string, ort.Tensor>>): Promise<Record<string, ort.Tensor>> {
    if (this.held?.of === of) return this.held.feeds;
    this.unpin();
    const feeds = await upload();
    this.held = { of, feeds };
    this.link.live += Object.keys(feeds).length;
    if (this.disposed) this.unpin();
    return feeds;
  }

  snapshot(): Promise<KvArrays> {
    return this.link.download(this.k, this.v);
  }

  async rebase(base: KvArrays, keep: Int32Array): Promise<void> {
    const own = await this.snapshot();
    const [rows, heads, tokens, headDim] = this.dims;
    this.release();
    this.setHost(mergeRows(base, own, keep, this.slots.length * rows * heads, tokens, headDim));
  }

  dispose(): void {
    this.disposed = true;
    this.release();
    this.unpin();
  }

  private unpin(): void {
    for (const t of Object.values(this.held?.feeds ?? {})) {
      t.dispose();
      this.link.live--;
    }
    this.held = null;
  }

  private setHost(kv: KvArrays): void {
    this.k = [];
    this.v = [];
    for (let s = 0; s < this.slots.length; s++) {
      const t = this.link.hostTensors(kv, s, this.dims);
      this.k.push(t.k);
      this.v.push(t.v);
    }
  }

  /** Frees the device tensors held (host tensors need nothing). */
  private release(): void {
    for (const t of [...this.k, ...this.v]) {
      if (t.location === 'gpu-buffer') {
        t.dispose();
        this.link.live--;
      }
    }
    this.k = [];
    this.v = [];
  }
}
