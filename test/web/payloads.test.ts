import { describe, expect, it } from 'vitest';
import { editBody, generationBody, readPreview, readResult } from '../../edge/public/js/payloads.js';
import type { CompleteEvent, PreviewEvent } from '../../shared/src/http';
import { editRequestSchema, generationRequestSchema } from '../../shared/src/http';

const form = { model: 'test-tiny', seed: 4294967295, steps: 12, ratio: 0.25 };

describe('request bodies the page sends', () => {
  it("are valid generation bodies for the edge's schema, by label and by class id", () => {
    const byLabel = generationBody({ ...form, condition: 'red circle', labels: ['red circle'] });
    expect(generationRequestSchema.parse(byLabel)).toEqual(byLabel);
    expect(byLabel.condition).toEqual({ label: 'red circle' });
    const byId = generationBody({ ...form, condition: '3', labels: [] });
    expect(generationRequestSchema.parse(byId).condition).toEqual({ classId: 3 });
    expect(byId.preview).toEqual({ every: 1, format: 'png' });
    expect(byId).not.toHaveProperty('width');
    const sized = generationBody({ ...form, condition: '3', labels: [], width: 32, height: 32 });
    expect(generationRequestSchema.parse(sized)).toMatchObject({ width: 32, height: 32 });
  });

  it('carry a prompt for a prompted model, whatever labels say, in generations and edits', () => {
    const prompt = 'a small red circle at the top left';
    const gen = generationBody({ ...form, condition: prompt, labels: [], prompted: true });
    expect(generationRequestSchema.parse(gen).condition).toEqual({ prompt });
    const rect = { x: 0, y: 0, width: 4, height: 4 };
    const edit = editBody({
      version: 1,
      rect,
      margin: 1,
      condition: 'a blue square',
      labels: [],
      prompted: true,
      seed: 2,
    });
    expect(editRequestSchema.parse(edit).condition).toEqual({ prompt: 'a blue square' });
  });

  it("are valid edit bodies for the edge's schema", () => {
    const rect = { x: 2, y: 0, width: 4, height: 6 };
    const body = editBody({ version: 2, rect, margin: 0, condition: '1', labels: [], seed: 9 });
    expect(editRequestSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ version: 2, rects: [rect], margin: 0, seed: 9, condition: { classId: 1 } });
  });
});

describe('event payloads the page reads', () => {
  it('decodes a preview: image source and focus bytes', () => {
    const ev: PreviewEvent = {
      step: 3,
      image: 'iVBORw0KGgo=',
      mime: 'image/png',
      width: 12,
      height: 8,
      focus: Buffer.from([1, 0, 0, 1, 1, 0]).toString('base64'),
      gridRows: 2,
      gridCols: 3,
    };
    const p = readPreview(ev);
    expect(p.src).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect([...p.focus]).toEqual([1, 0, 0, 1, 1, 0]);
    expect(p).toMatchObject({ step: 3, width: 12, height: 8, gridRows: 2, gridCols: 3 });
  });

  it('reads a result', () => {
    const ev: CompleteEvent = {
      sessionId: 's',
      version: 2,
      png: 'AAAA',
      width: 12,
      height: 8,
      timings: { queueMs: 1, totalMs: 20, stepMs: [5, 5], edgeMs: 25 },
      tokensRun: 30,
      tokensTotal: 48,
      speedup: 1.6,
      rehomed: false,
    };
    expect(readResult(ev)).toEqual({
      sessionId: 's',
      version: 2,
      src: 'data:image/png;base64,AAAA',
      width: 12,
      height: 8,
      tokensRun: 30,
      tokensTotal: 48,
      speedup: 1.6,
      totalMs: 20,
      edgeMs: 25,
      rehomed: false,
    });
  });
});
