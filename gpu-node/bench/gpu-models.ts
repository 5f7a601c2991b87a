/**
 * The gpu section's models, the most wanted first: on a GPU Lumina-Next-SFT's transformer at its
 * real size (4096 image tokens, 256 text tokens read by its cross-attention), SD3-medium (its
 * transformer at the real size beside SD3's 333 text tokens), then a DiT of SD3's image-stream
 * size, then the 384×12 DiT; in quick runs and on software adapters a tiny DiT and the
 * miniature-width SD3 and Lumina. Pure: the device script's tests read the list.
 */
import type { Attention, Precision, Residency } from '../src/runtime/onnx-model';
import { type BenchModel, type BenchModelSpec, DIT_384, DIT_SD3, DIT_TINY, ditBenchModel } from './bench-models';
import type { TorchModel } from './gpu-reference';
import { LUMINA_SFT_BENCH, LUMINA_TEXT, LUMINA_W256_BENCH } from './lumina-next';
import { SD3_TEXT } from './prompt-cond';
import { SD3_MEDIUM_BENCH, SD3_W256_BENCH } from './sd3-medium';

/** (N + T) / (n + T) with n = ⌈ratio·N⌉: a step's gain if its time followed the tokens it runs (T every step). */
export function idealSpeedup(tokens: number, ratio: number, textTokens: number): number {
  return (tokens + textTokens) / (Math.ceil(ratio * tokens) + textTokens);
}

/** A runtime configuration timed for a model. */
export type Variant = { attention: Attention; kvResidency: Residency; dtype: Precision };

/** The runtime configurations timed for each DiT, the most wanted first. */
const VARIANTS: readonly Variant[] = [
  { attention: 'fused', kvResidency: 'device', dtype: 'float32' },
  { attention: 'fused', kvResidency: 'device', dtype: 'float16' },
  { attention: 'fused', kvResidency: 'host', dtype: 'float32' },
  { attention: 'unfused', kvResidency: 'device', dtype: 'float32' },
  { attention: 'unfused', kvResidency: 'host', dtype: 'float32' },
];

/** SD3's: the fused graph in both precisions with the K/V caches on the device (how a GPU node serves it). */
const DEVICE_VARIANTS = VARIANTS.slice(0, 2);

/** One model of the section: its token counts and the runtime configurations timed. */
export interface GpuConfig {
  model: BenchModel;
  tokens: number[];
  /** Text tokens beside the image tokens, run every step (SD3's prompt; 0 for a class DiT and Lumina). */
  textTokens: number;
  /** Text tokens read by a cross-attention whose K/V are made once per prompt (Lumina's 256; else 0). */
  crossTokens: number;
  variants: readonly Variant[];
  /** What PyTorch runs beside it (`reference`). */
  torch: TorchModel;
  /** Why the CPU provider's forward is not compared (numerics); null: it is. */
  noNumerics: string | null;
  /** Why the float16-vs-float32 PSNR is not measured; null: it is. */
  noPrecision: string | null;
}

const TOO_SLOW = 'the CPU reference is too slow at this size';
/** Lavapipe takes seconds a step at the miniature widths (SD3's, Lumina's) with their text: CI times their rows only. */
const QUICK_PROMPTED = 'not in quick runs (seconds a step on a software adapter; the DiT rows check it)';

/** The models the section runs, the most wanted first (the device script exports them first). */
export function gpuBenchModels(small: boolean): GpuConfig[] {
  const dit = (spec: BenchModelSpec, tokens: number[], noNumerics: string | null = null): GpuConfig => ({
    model: ditBenchModel(spec),
    tokens,
    textTokens: 0,
    crossTokens: 0,
    variants: VARIANTS,
    torch: { dit: spec },
    noNumerics,
    noPrecision: null,
  });
  const sd3 = (model: BenchModel, tokens: number[], torch: TorchModel, quick: boolean): GpuConfig => ({
    model,
    tokens,
    textTokens: SD3_TEXT,
    crossTokens: 0,
    variants: DEVICE_VARIANTS,
    torch,
    noNumerics: quick ? QUICK_PROMPTED : TOO_SLOW,
    noPrecision: quick ? QUICK_PROMPTED : null,
  });
  const lumina = (model: BenchModel, tokens: number[], torch: TorchModel, quick: boolean): GpuConfig => ({
    model,
    tokens,
    textTokens: 0,
    crossTokens: LUMINA_TEXT,
    variants: DEVICE_VARIANTS,
    torch,
    noNumerics: quick ? QUICK_PROMPTED : TOO_SLOW,
    noPrecision: quick ? QUICK_PROMPTED : null,
  });
  return small
    ? [
        dit(DIT_TINY, [256]),
        sd3(SD3_W256_BENCH, [64], { mmdit: 'tiny' }, true),
        lumina(LUMINA_W256_BENCH, [64], { lumina: 'tiny' }, true),
      ]
    : [
        lumina(LUMINA_SFT_BENCH, [4096], { lumina: 'sft' }, false),
        sd3(SD3_MEDIUM_BENCH, [1024, 4096], { mmdit: 'sd3-medium' }, false),
        dit(DIT_SD3, [1024, 4096], TOO_SLOW),
        dit(DIT_384, [1024, 4096]),
      ];
}

/**
 * The section's models, or only those named in `only` (a GPU call spent on the rows it is for);
 * a name the list lacks is an error naming the ones it has.
 */
export function pickModels(configs: GpuConfig[], only: readonly string[] | undefined): GpuConfig[] {
  if (!only) return configs;
  const names = configs.map((c) => c.model.name);
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`--models: no model ${unknown.join(', ')} here (have ${names.join(', ')})`);
  return configs.filter((c) => only.includes(c.model.name));
}
