/**
 * A prompt end to end over loopback: the worker (workerd through Miniflare) in front of two real GPU
 * node processes serving test-mmdit (the tiny random prompted model,
 * contract ras-ready/3). The model list says it takes prompts; unknown words
 * are a 400 naming each; an over-long prompt is cut with a warning; an edit with a new prompt changes only its region;
 * an edit after the session's node died replays the prompt from the signed
 * session state on the other node. The same for test-sd3, the miniature SD3
 * converted by `convert.py sd3` from a diffusers folder and an optimum export
 * (CLIP-L, CLIP-G and T5 stages, a VAE decoder): a prompt through the edge, an
 * over-long prompt truncated with a warning, a latent edit whose pixels
 * outside the region and its margin band are the parent's, bit for bit. The same for
 * test-lumina, the miniature Lumina-Next converted by `convert.py lumina` (Gemma, the prompt
 * graph, the SDXL-shaped VAE), with any word served through Gemma's byte fallback.
 */
import type { CompleteEvent, ModelsView } from '@ras/shared/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, differingPixels } from '../helpers/png';
import { request, type Stack, startStack } from '../helpers/stack';

const IMAGE = { model: 'test-mmdit', condition: { prompt: 'a small red circle at the top left' }, seed: 7, steps: 6 };
const REGION = { x: 32, y: 32, width: 16, height: 16 };
const NEW_PROMPT = { prompt: 'a large green cross in the middle' };
const outside = ([x, y]: [number, number]) =>
  x < REGION.x || y < REGION.y || x >= REGION.x + REGION.width || y >= REGION.y + REGION.height;
const SD3 = { model: 'test-sd3', condition: { prompt: 'a photo of a red cat' }, seed: 5, steps: 4 };
/** test-sd3: 8×8 latent tokens of 16 pixels; the region is one token, its margin band one more around it. */
const SD3_REGION = { x: 48, y: 48, width: 16, height: 16 };
const outsideBand = ([x, y]: [number, number]) => x < 32 || y < 32 || x >= 80 || y >= 80;
const LUMINA = { model: 'test-lumina', condition: { prompt: 'A Photo of a Red Cat' }, seed: 5, steps: 4 };
/** test-lumina: latent tokens of 16 pixels; the region is token (1, 1), its margin band one more around it. */
const LUMINA_REGION = { x: 16, y: 16, width: 16, height: 16 };
const outsideLuminaBand = ([x, y]: [number, number]) => x >= 48 || y >= 48;

describe('a prompted model through the edge', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ nodes: 2 });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('is listed as taking prompts', async () => {
    const { models } = (await (await request(stack, '/v1/models')).json()) as ModelsView;
    expect(models.find((m) => m.name === 'test-mmdit')).toMatchObject({ prompted: true, labels: [] });
    expect(models.find((m) => m.name === 'test-tiny')).toMatchObject({ prompted: false });
  });

  it('refuses unknown words with a 400 naming every one, and a class id with what the model takes', async () => {
    const res = await request(stack, '/v1/generations', {
      ...IMAGE,
      condition: { prompt: 'a small mauve circle at the very top' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_argument');
    expect(body.error.message).toMatch(/condition: unknown words "mauve", "very"/);
    const byClass = await request(stack, '/v1/generations', { ...IMAGE, condition: { classId: 1 } });
    expect(byClass.status).toBe(400);
    expect(((await byClass.json()) as { error: { message: string } }).error.message).toMatch(/takes a prompt/);
  });

  it("cuts an over-long prompt and says so: the x-ras-warning header and the answer's warning", async () => {
    const prompt = Array(43).fill('a').join(' ');
    const res = await request(stack, '/v1/generations', { ...IMAGE, condition: { prompt }, steps: 2 });
    expect(res.status).toBe(200);
    const warning = 'the prompt is too long for text encoder text (40 tokens): its last 3 tokens were dropped';
    // The edge's own warning (test-mmdit serves no size well) first, the node's after it.
    const header = res.headers.get('x-ras-warning')!;
    expect(header.split('; ')).toEqual([expect.stringMatching(/^test-mmdit serves no size well/), warning]);
    expect(((await res.json()) as CompleteEvent).warning).toBe(header);
  });

  it('generates from a prompt, edits a region with a new prompt, and replays both on another node', async () => {
    const gen = (await (await request(stack, '/v1/generations', IMAGE)).json()) as CompleteEvent;
    expect(decodePng(gen.png)).toMatchObject({ width: 64, height: 64 });
    const edit = { rects: [REGION], margin: 0, seed: 3, condition: NEW_PROMPT };
    const v2 = (await (await request(stack, `/v1/sessions/${gen.sessionId}/edits`, edit)).json()) as CompleteEvent;
    expect(v2).toMatchObject({ version: 2, rehomed: false });
    const changed = differingPixels(decodePng(gen.png), decodePng(v2.png));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter(outside)).toEqual([]);

    const held = await Promise.all(
      [0, 1].map((i) =>
        stack
          .direct(i)
          .getSession({ sessionId: gen.sessionId })
          .then(
            () => true,
            () => false,
          ),
      ),
    );
    await stack.nodes[held.indexOf(true)].child.stop('SIGKILL');
    // The same edit of version 1 on the survivor: it rebuilds v1 (the prompt) and v2 (the new one) by replay.
    const again = (await (
      await request(stack, `/v1/sessions/${gen.sessionId}/edits`, { ...edit, version: 1 })
    ).json()) as CompleteEvent;
    expect(again).toMatchObject({ version: 3, rehomed: true });
    expect(again.png).toBe(v2.png);
  });

  it('serves a converted SD3 checkpoint: a prompt, a truncated one with a warning, a latent edit outside-identical', async () => {
    const gen = (await (await request(stack, '/v1/generations', SD3)).json()) as CompleteEvent;
    expect(decodePng(gen.png)).toMatchObject({ width: 128, height: 128 });
    expect(gen.warning).toBe('test-sd3 serves no size well (a test model): expect noise');

    const long = await request(stack, '/v1/generations', { ...SD3, condition: { prompt: 'a red cat '.repeat(40) } });
    expect(long.status).toBe(200);
    expect(long.headers.get('x-ras-warning')).toMatch(/clip_l/);
    expect(((await long.json()) as CompleteEvent).warning).toMatch(/t5/);

    const edit = { rects: [SD3_REGION], margin: 1, seed: 9, condition: { prompt: 'a blue dog' } };
    const v2 = (await (await request(stack, `/v1/sessions/${gen.sessionId}/edits`, edit)).json()) as CompleteEvent;
    const changed = differingPixels(decodePng(gen.png), decodePng(v2.png));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter(outsideBand)).toEqual([]);
  });

  it('serves a converted Lumina-Next: a prompt, any word (byte fallback), a cut one with a warning, a latent edit', async () => {
    const gen = (await (await request(stack, '/v1/generations', LUMINA)).json()) as CompleteEvent;
    expect(decodePng(gen.png).width % 16).toBe(0);
    expect(gen.warning).toBe('test-lumina serves no size well (a test model): expect noise');

    const odd = await request(stack, '/v1/generations', { ...LUMINA, condition: { prompt: 'zqxj ünïcödé 日本 🐈' } });
    expect(odd.status).toBe(200);
    const long = await request(stack, '/v1/generations', {
      ...LUMINA,
      condition: { prompt: 'a red cat '.repeat(200) },
      steps: 2,
    });
    expect(long.status).toBe(200);
    expect(long.headers.get('x-ras-warning')).toMatch(/too long for text encoder gemma \(256 tokens\)/);

    const edit = { rects: [LUMINA_REGION], margin: 1, seed: 9, condition: { prompt: 'a blue dog' } };
    const v2 = (await (await request(stack, `/v1/sessions/${gen.sessionId}/edits`, edit)).json()) as CompleteEvent;
    const changed = differingPixels(decodePng(gen.png), decodePng(v2.png));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter(outsideLuminaBand)).toEqual([]);
  });
});
