/**
 * A prompt longer than the text encoder's length is cut, not refused: the
 * answer's Result carries a warning naming the encoder and the tokens
 * dropped, and the native gRPC call sends it as trailing metadata
 * `x-ras-warning`. Native gRPC on the real engine (test-mmdit: 40 tokens).
 */
import type * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type ras, rasClient } from './helpers/grpc-client';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';

const LONG = Array(43).fill('a').join(' ');
const WARNING = 'the prompt is too long for text encoder text (40 tokens): its last 3 tokens were dropped';

/** A stream's messages and its trailing metadata's warnings. */
function run(stream: grpc.ClientReadableStream<ras.v1.Event>) {
  const events: ras.v1.Event[] = [];
  return new Promise<{ result: ras.v1.Result; trailers: string[] }>((resolve, reject) => {
    stream.on('data', (e: ras.v1.Event) => events.push(e));
    stream.on('error', reject);
    stream.on('status', (s: grpc.StatusObject) =>
      resolve({ result: events.at(-1)!.result!, trailers: s.metadata.get('x-ras-warning').map(String) }),
    );
  });
}

describe('a cut prompt over gRPC', () => {
  let node: TestNode;
  let client: ReturnType<typeof rasClient>;

  beforeAll(async () => {
    node = await startNode(await tinyEngine());
    client = rasClient(node.grpcTarget);
  });
  afterAll(async () => {
    client.close();
    await node.close();
  });

  const generate = (prompt: string, negative?: string) => {
    const req = { model: 'test-mmdit', condition: { prompt }, seed: 1, steps: 2 };
    return run(client.Generate(negative ? { ...req, negative: { prompt: negative } } : req, auth(TOKEN)) as never);
  };

  it('answers with a warning in the Result and in the trailing metadata, naming the encoder and the count', async () => {
    const { result, trailers } = await generate(LONG);
    expect(result.warnings).toEqual([WARNING]);
    expect(trailers).toEqual([WARNING]);
  });

  it('says which prompt was cut: the negative one too, after the prompt', async () => {
    const { result, trailers } = await generate(LONG, `${LONG} a a`);
    const negative =
      'negative: the prompt is too long for text encoder text (40 tokens): its last 5 tokens were dropped';
    expect(result.warnings).toEqual([WARNING, negative]);
    expect(trailers).toEqual([`${WARNING}; ${negative}`]); // one trailer, joined as the edge joins them
  });

  it('says nothing for a prompt that fits, and warns again for an edit whose new prompt is cut', async () => {
    const fits = await generate('a small red circle');
    expect(fits.result.warnings).toEqual([]);
    expect(fits.trailers).toEqual([]);
    const rects = [{ x: 0, y: 0, width: 16, height: 16 }];
    const edit = { sessionId: fits.result.sessionId, rects, condition: { prompt: LONG } };
    const edited = await run(client.Edit(edit, auth(TOKEN)) as never);
    expect(edited.result).toMatchObject({ version: 2, warnings: [WARNING] });
    expect(edited.trailers).toEqual([WARNING]);
  });
});
