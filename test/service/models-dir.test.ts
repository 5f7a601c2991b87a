/**
 * Which models a GPU node process serves and which it names first:
 * RAS_MODELS_DIR (a models root; entries may be links to model directories)
 * and RAS_DEFAULT_MODEL, over gRPC-Web; a node with a wrong one refuses to
 * start and says which variable and why.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';
import { copyPromptedModel } from '../helpers/mmdit';
import { type NodeEnv, startStack } from '../helpers/stack';

/** GPU nodes alone (no edge), one per entry of `envs`. */
const startNodes = (envs: NodeEnv[]) => startStack({ nodes: envs, edges: [] });

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ras-models-'));
  symlinkSync(join(MODELS_DIR, 'test-tiny'), join(root, 'tiny'));
  copyPromptedModel(root, 'prompted');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a GPU node with its own models root', () => {
  it("serves that root's models, RAS_DEFAULT_MODEL first", async () => {
    const stack = await startNodes([{ RAS_MODELS_DIR: root }, { RAS_MODELS_DIR: root, RAS_DEFAULT_MODEL: 'tiny' }]);
    try {
      const listed = async (i: number) => (await stack.direct(i).listModels()).models.map((m) => m.name);
      expect(await listed(0)).toEqual(['prompted', 'tiny']);
      expect(await listed(1)).toEqual(['tiny', 'prompted']);
    } finally {
      await stack.stop();
    }
  }, 60_000);

  it('refuses to start with a default it does not serve, or a root that is not there', async () => {
    await expect(startNodes([{ RAS_MODELS_DIR: root, RAS_DEFAULT_MODEL: 'shapes-dit' }])).rejects.toThrow(
      /exited \(1\)[\s\S]*RAS_DEFAULT_MODEL: this node serves no model "shapes-dit"; it serves prompted, tiny/,
    );
    const missing = join(root, 'missing');
    await expect(startNodes([{ RAS_MODELS_DIR: missing }])).rejects.toThrow(
      new RegExp(`exited \\(1\\)[\\s\\S]*RAS_MODELS_DIR: no directory ${missing}`),
    );
  }, 60_000);
});
