/**
 * Interop with a native gRPC client we did not write: Debian's Python grpcio,
 * with stubs generated from proto/ at test time by protoc and grpc's own
 * Python plugin, against the real engine on test-tiny.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type TestNode, TOKEN, tinyEngine } from './helpers/node';
import { pythonStubs } from './helpers/protoc';

const SCRIPT = fileURLToPath(new URL('./python/ras_client.py', import.meta.url));
const PNG_MAGIC = '89504e470d0a1a0a';

describe('a Python grpcio client', () => {
  let node: TestNode;
  let stubs: string;

  beforeAll(async () => {
    stubs = pythonStubs();
    node = await startNode(await tinyEngine());
  });
  afterAll(() => node.close());

  it('checks health and streams Generate to a PNG result', async () => {
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [SCRIPT, node.grpcTarget, TOKEN], {
      env: { ...process.env, PYTHONPATH: stubs },
      timeout: 30_000,
    });
    const out = JSON.parse(stdout);
    expect(out.health).toBe('SERVING');
    expect(out.kinds.filter((k: string) => k === 'progress')).toHaveLength(6);
    expect(out.kinds.at(-1)).toBe('result');
    expect(out.kinds).toContain('preview');
    expect(out.preview_mime).toBe('image/jpeg');
    expect(out.result).toMatchObject({ version: 1, png_magic: PNG_MAGIC, width: 12, height: 8, step_ms: 6 });
    expect(out.result.session_id).not.toBe('');
    expect(out.result.tokens_run).toBeLessThan(out.result.tokens_total);
    expect(out.unknown_session).toBe('NOT_FOUND');
    expect(out.without_token).toBe('UNAUTHENTICATED');
  });
});
