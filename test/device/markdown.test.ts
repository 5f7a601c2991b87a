import { describe, expect, it } from 'vitest';
import type { GpuRow, GpuSection } from '../../gpu-node/bench/gpu';
import { gpuMarkdown } from '../../scripts/device/markdown';
import { SECTIONS } from '../../scripts/device/sections';

const row = (over: Partial<GpuRow>): GpuRow => ({
  model: 'dit-sd3-size',
  tokens: 1024,
  dtype: 'float32',
  residency: 'device',
  attention: 'fused',
  ratio: 0.5,
  dense_ms: 700,
  ras_ms: 140,
  speedup: 5,
  ideal_speedup: 2,
  kv_host_bytes: 0,
  kv_device_bytes: 0,
  reps: 5,
  ...over,
});

const section = (over: Partial<GpuSection> = {}): GpuSection => ({
  adapter: {
    description: 'NVIDIA H200',
    vendor: 'nvidia',
    maxStorageBufferBindingSize: 2 ** 31,
    maxBufferSize: 2 ** 32,
  },
  rows: [
    row({ ratio: 0.25, ras_ms: 80, speedup: 8.75, ideal_speedup: 4 }),
    row({ ratio: 0.5 }),
    row({ residency: 'host', dense_ms: 1500, ras_ms: 600, speedup: 2.5, kv_host_bytes: 1234 }),
  ],
  skipped: ['dit-sd3-size unfused device float32 at 4096 tokens: binds 3221225472 B > 2147483648 B'],
  precision: [{ model: 'dit-sd3-size', tokens: 1024, psnr_fp16_vs_fp32: 48.2 }],
  reference: [
    {
      model: 'dit-sd3-size',
      tokens: 1024,
      runtime: 'pytorch 2.11 bf16+sdpa',
      ratio: 0.5,
      dense_ms: 12.6,
      ras_ms: 12.7,
    },
    {
      model: 'dit-sd3-size',
      tokens: 1024,
      runtime: 'pytorch 2.11 bf16+sdpa',
      ratio: 0.25,
      dense_ms: 12.5,
      ras_ms: 11.9,
    },
  ],
  ...over,
});

const tableLines = (md: string, firstCell: string) => md.split('\n').filter((l) => l.startsWith(`| ${firstCell} |`));

describe('the GPU run’s Markdown', () => {
  it('has one line per graph configuration, with RAS columns per ratio, the largest ratio first', () => {
    const md = gpuMarkdown(section(), { date: '2026-12-04', driver: '570.1' });
    const [head] = tableLines(md, 'model');
    expect(head).toContain('| RAS ms r=0.5 | RAS ms r=0.25 |');
    const data = md.split('\n').filter((l) => l.startsWith('| dit-sd3-size | fused |'));
    expect(data).toEqual([
      '| dit-sd3-size | fused | 1024 | device | float32 | 700 | 140 | 80 | 5× (2×) | 8.75× (4×) | 0 |',
      '| dit-sd3-size | fused | 1024 | host | float32 | 1500 | 600 | — | 2.5× (2×) | — | 1234 |',
    ]);
  });

  it('names the adapter, the driver and the date, and lists what was skipped', () => {
    const md = gpuMarkdown(section(), { date: '2026-12-04', driver: '570.1' });
    expect(md).toContain(
      'adapter: NVIDIA H200 (nvidia), largest binding 2147483648 B; driver: 570.1; date: 2026-12-04',
    );
    expect(md).toContain('- dit-sd3-size unfused device float32 at 4096 tokens: binds');
    expect(md).toContain('| dit-sd3-size | 1024 | 48.2 |');
  });

  it('gives PyTorch’s reference a table of its own, or says why there is none', () => {
    expect(gpuMarkdown(section(), { date: 'd' })).toContain(
      '| dit-sd3-size | 1024 | pytorch 2.11 bf16+sdpa | 12.6 | 12.7 | 11.9 |',
    );
    const none = gpuMarkdown(section({ reference: { skipped: 'PyTorch 1.13 sees no CUDA GPU' } }), { date: 'd' });
    expect(none).toContain('reference PyTorch: skipped (PyTorch 1.13 sees no CUDA GPU)');
    expect(none).toContain('driver: —');
  });

  it('does not count a gpu section without rows or without its PSNR as a run', () => {
    const gpu = SECTIONS.find((s) => s.name === 'gpu')!;
    expect(gpu.problem(section())).toBeNull();
    expect(gpu.problem(section({ rows: [] }))).toMatch(/^no rows \(skipped: dit-sd3-size unfused/);
    expect(gpu.problem(section({ precision: [] }))).toBe('no float16 vs float32 PSNR');
    expect(gpu.problem(section({ adapter: null }))).toBe('no WebGPU adapter');
  });
});
