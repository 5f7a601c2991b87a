import { describe, expect, it } from 'vitest';
import type { GpuRow, GpuSection } from '../../gpu-node/bench/gpu';
import { gpuBenchModels, idealSpeedup, pickModels } from '../../gpu-node/bench/gpu-models';
import { gpuMarkdown } from '../../scripts/device/markdown';
import { SECTIONS } from '../../scripts/device/sections';

const row = (over: Partial<GpuRow>): GpuRow => ({
  model: 'dit-sd3-size',
  tokens: 1024,
  text_tokens: 0,
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
  cond_device_bytes: 0,
  reps: 5,
  ...over,
});

const section = (over: Partial<GpuSection> = {}): GpuSection => ({
  adapter: {
    description: 'NVIDIA H200',
    vendor: 'nvidia',
    maxStorageBufferBindingSize: 2 ** 31,
    maxBufferSize: 2 ** 32,
    subgroups: true,
  },
  models: ['dit-sd3-size'],
  rows: [
    row({ ratio: 0.25, ras_ms: 80, speedup: 8.75, ideal_speedup: 4 }),
    row({ ratio: 0.5 }),
    row({ residency: 'host', dense_ms: 1500, ras_ms: 600, speedup: 2.5, kv_host_bytes: 1234 }),
  ],
  skipped: ['dit-sd3-size unfused device float32 at 4096 tokens: binds 3221225472 B > 2147483648 B'],
  precision: [{ model: 'dit-sd3-size', tokens: 1024, psnr_fp16_vs_fp32: 48.2 }],
  precisionModels: ['dit-sd3-size'],
  numerics: [{ model: 'dit-384x12', tokens: 1024, fused_vs_cpu: 2.1e-6, unfused_vs_cpu: 1.9e-6 }],
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

  it('says how far each graph’s attention is from the CPU provider, or that it was not measured', () => {
    expect(gpuMarkdown(section(), { date: 'd' })).toContain('| dit-384x12 | 1024 | 2.10e-6 | 1.90e-6 |');
    expect(gpuMarkdown(section({ numerics: [] }), { date: 'd' })).toContain(
      'attention vs the CPU provider: not measured',
    );
  });

  it('does not count a gpu section without rows or without its PSNR as a run', () => {
    const gpu = SECTIONS.find((s) => s.name === 'gpu')!;
    expect(gpu.problem(section(), false)).toBeNull();
    expect(gpu.problem(section({ rows: [] }), false)).toMatch(/^no rows \(skipped: dit-sd3-size unfused/);
    expect(gpu.problem(section({ precision: [] }), false)).toBe('no float16 vs float32 PSNR');
    // A run of models whose PSNR is not measured by design (quick, --models lumina-w256) does count.
    expect(gpu.problem(section({ precision: [], precisionModels: [] }), true)).toBeNull();
    expect(gpu.problem(section({ adapter: null }), false)).toBe('no WebGPU adapter');
  });

  it('does not count a quick run without rows for every model it set out to measure', () => {
    const gpu = SECTIONS.find((s) => s.name === 'gpu')!;
    const partly = section({ models: ['dit-sd3-size', 'sd3-w256'], skipped: ['sd3-w256: not converted'] });
    expect(gpu.problem(partly, true)).toBe('no rows for sd3-w256 (skipped: sd3-w256: not converted)');
    expect(gpu.problem(partly, false)).toBeNull();
    expect(gpu.problem(section(), true)).toBeNull();
  });
});

describe('the gpu section’s SD3-medium rows', () => {
  const sd3 = row({
    model: 'sd3-medium',
    tokens: 4096,
    text_tokens: 333,
    ratio: 0.25,
    dense_ms: 900,
    ras_ms: 350,
    speedup: 2.571,
    ideal_speedup: 3.264,
  });

  it('show an MMDiT’s tokens as image + text, with the ideal that counts the text', () => {
    const md = gpuMarkdown(section({ rows: [sd3] }), { date: 'd' });
    const line = md.split('\n').find((l) => l.startsWith('| sd3-medium |'));
    expect(line).toBe('| sd3-medium | fused | 4096 + 333 | device | float32 | 900 | 350 | 2.571× (3.264×) | 0 |');
    expect(md).toContain('ideal: (N + T) / (n + T)');
    expect(gpuMarkdown(section(), { date: 'd' })).not.toContain('ideal: (N + T)');
  });

  it('puts text tokens in the ideal: 3.26× at 4096 + 333 tokens and r = 0.25, 4× without text', () => {
    expect(idealSpeedup(4096, 0.25, 333)).toBeCloseTo(3.264, 3);
    expect(idealSpeedup(1024, 0.5, 333)).toBeCloseTo(1357 / 845, 6);
    expect(idealSpeedup(4096, 0.25, 0)).toBe(4);
  });

  it('are measured after Lumina-Next on a GPU: SD3-medium at 1024 and 4096 tokens beside 333 text tokens, fused, device K/V, fp32 and fp16', () => {
    const [, first, ...rest] = gpuBenchModels(false);
    expect(first.model.name).toBe('sd3-medium');
    expect(first.tokens).toEqual([1024, 4096]);
    expect(first.textTokens).toBe(333);
    expect(first.variants).toEqual([
      { attention: 'fused', kvResidency: 'device', dtype: 'float32' },
      { attention: 'fused', kvResidency: 'device', dtype: 'float16' },
    ]);
    expect(first.torch).toEqual({ mmdit: 'sd3-medium' });
    expect(rest.map((c) => [c.model.name, c.textTokens])).toEqual([
      ['dit-sd3-size', 0],
      ['dit-384x12', 0],
    ]);
  });

  it('run in quick mode on the miniature-width SD3 beside the tiny DiT, with the same 333 text tokens', () => {
    expect(gpuBenchModels(true).map((c) => [c.model.name, c.tokens, c.textTokens])).toEqual([
      ['dit-64x2', [256], 0],
      ['sd3-w256', [64], 333],
      ['lumina-w256', [64], 0],
    ]);
  });
});

describe('the gpu section’s Lumina-Next rows', () => {
  const lumina = row({
    model: 'lumina-next-sft',
    tokens: 4096,
    cross_text_tokens: 256,
    ratio: 0.25,
    dense_ms: 800,
    ras_ms: 240,
    speedup: 3.333,
    ideal_speedup: 4,
  });

  it('show the text tokens its cross-attention reads beside the image tokens, with an ideal of N / n', () => {
    const md = gpuMarkdown(section({ rows: [lumina] }), { date: 'd' });
    const line = md.split('\n').find((l) => l.startsWith('| lumina-next-sft |'));
    expect(line).toBe(
      '| lumina-next-sft | fused | 4096 (256 cross) | device | float32 | 800 | 240 | 3.333× (4×) | 0 |',
    );
    expect(md).toContain('ideal N / n; prompt bytes to the device per RAS step: 0 (0: uploaded once per run)');
    expect(md).not.toContain('ideal: (N + T)');
  });

  it('say how many prompt bytes a RAS step uploaded when some did', () => {
    const md = gpuMarkdown(section({ rows: [{ ...lumina, cond_device_bytes: 4096 }] }), { date: 'd' });
    expect(md).toContain('prompt bytes to the device per RAS step: 4096');
  });

  it('are measured first on a GPU: Lumina-Next-SFT at 4096 tokens with 256 cross-attention text tokens, fused, device K/V, fp32 and fp16', () => {
    const [first] = gpuBenchModels(false);
    expect(first.model.name).toBe('lumina-next-sft');
    expect(first.tokens).toEqual([4096]);
    expect([first.textTokens, first.crossTokens]).toEqual([0, 256]);
    expect(first.variants).toEqual([
      { attention: 'fused', kvResidency: 'device', dtype: 'float32' },
      { attention: 'fused', kvResidency: 'device', dtype: 'float16' },
    ]);
    expect(first.torch).toEqual({ lumina: 'sft' });
    expect(first.noPrecision).toBeNull();
  });

  it('puts PyTorch’s step with the text K/V made every step in a line of its own', () => {
    const ref = (runtime: string, ratio: number, ras: number) => ({
      model: 'lumina-next-sft',
      tokens: 4096,
      cross_text_tokens: 256,
      runtime,
      ratio,
      dense_ms: 100,
      ras_ms: ras,
    });
    const md = gpuMarkdown(
      section({
        reference: [
          ref('pytorch 2.11 bf16+sdpa', 0.25, 30),
          ref('pytorch 2.11 bf16+sdpa, text K/V every step', 0.25, 31),
        ],
      }),
      { date: 'd' },
    );
    expect(md).toContain('| lumina-next-sft | 4096 (256 cross) | pytorch 2.11 bf16+sdpa | 100 | 30 |');
    expect(md).toContain(
      '| lumina-next-sft | 4096 (256 cross) | pytorch 2.11 bf16+sdpa, text K/V every step | 100 | 31 |',
    );
  });
});

describe('the device run’s --models', () => {
  it('keeps only the named models, in the section’s order', () => {
    expect(pickModels(gpuBenchModels(true), ['lumina-w256', 'dit-64x2']).map((c) => c.model.name)).toEqual([
      'dit-64x2',
      'lumina-w256',
    ]);
    expect(pickModels(gpuBenchModels(true), undefined)).toHaveLength(3);
  });

  it('names a model the list lacks, and the ones it has', () => {
    expect(() => pickModels(gpuBenchModels(false), ['lumina-w256'])).toThrow(
      '--models: no model lumina-w256 here (have lumina-next-sft, sd3-medium, dit-sd3-size, dit-384x12)',
    );
  });
});
