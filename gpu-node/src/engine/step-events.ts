/** Sampler step events → engine events: progress always, previews when due. */
import type { StepEvent } from '../sampler/events';
import type { ModelCard } from '../sampler/model';
import { tokensToImage } from '../sampler/tokens';
import { downscale, encodeJpeg, encodePng } from './images';
import type { EngineEvent, PreviewOptions } from './types';

export function stepEvents(
  card: ModelCard,
  grid: [number, number],
  e: StepEvent,
  preview?: PreviewOptions,
): EngineEvent[] {
  const tokens = grid[0] * grid[1];
  const events: EngineEvent[] = [
    {
      type: 'progress',
      step: e.step,
      steps: e.steps,
      kind: e.kind,
      tokensRun: e.tokensRun,
      tokens,
      stepMs: e.timings.totalMs,
    },
  ];
  if (e.predictedClean && preview) {
    const img = downscale(tokensToImage(card, grid, e.predictedClean, 0), preview.maxSide ?? 256);
    const jpeg = preview.format === 'jpeg';
    events.push({
      type: 'preview',
      step: e.step,
      image: jpeg ? encodeJpeg(img) : encodePng(img),
      mime: jpeg ? 'image/jpeg' : 'image/png',
      width: img.width,
      height: img.height,
      focus: e.mask.slice(0, tokens),
      gridRows: grid[0],
      gridCols: grid[1],
    });
  }
  return events;
}
