/**
 * A run's constant feeds on the device (runtime/device-kv.ts `pinned`): uploaded once for the
 * run's feeds, kept across steps and rebases, replaced when the feeds change, freed with the caches.
 */
import type ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { DeviceKv, type DeviceLink } from '../../gpu-node/src/runtime/device-kv';
import { slotNames } from '../../gpu-node/src/runtime/kv-slots';

/** A device tensor stand-in that records its disposal. */
const deviceTensor = (freed: string[], name: string) =>
  ({ location: 'gpu-buffer', dispose: () => freed.push(name) }) as unknown as ort.Tensor;
const hostTensor = { location: 'cpu', dispose: () => {} } as unknown as ort.Tensor;

function caches(): { kv: DeviceKv; link: DeviceLink } {
  const link: DeviceLink = {
    live: 0,
    download: async () => ({ k: new Float32Array(4), v: new Float32Array(4) }),
    hostTensors: () => ({ k: hostTensor, v: hostTensor }),
  };
  return { kv: new DeviceKv(link, slotNames({ layers: 1 }), [1, 1, 2, 2]), link };
}

describe("a run's constant feeds on the device", () => {
  it('are uploaded once for the same feeds, kept through a rebase, and freed with the caches', async () => {
    const { kv, link } = caches();
    const freed: string[] = [];
    let uploads = 0;
    const upload = async () => {
      uploads++;
      return {
        caption: deviceTensor(freed, `caption${uploads}`),
        text_k_0: deviceTensor(freed, `text_k_0#${uploads}`),
      };
    };
    const feeds = {};
    const first = await kv.pinned(feeds, upload);
    expect(await kv.pinned(feeds, upload)).toBe(first);
    await kv.rebase({ k: new Float32Array(4), v: new Float32Array(4) }, Int32Array.of(0));
    expect(await kv.pinned(feeds, upload)).toBe(first);
    expect([uploads, link.live, freed]).toEqual([1, 2, []]);
    kv.dispose();
    expect([link.live, freed.sort()]).toEqual([0, ['caption1', 'text_k_0#1']]);
  });

  it('are replaced, the old ones freed, when the run is fed other feeds', async () => {
    const { kv, link } = caches();
    const freed: string[] = [];
    let uploads = 0;
    const upload = async () => ({ caption: deviceTensor(freed, `caption${++uploads}`) });
    await kv.pinned({}, upload);
    await kv.pinned({}, upload);
    expect([uploads, link.live, freed]).toEqual([2, 1, ['caption1']]);
    kv.dispose();
    expect(link.live).toBe(0);
  });
});
