import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIT_384 } from '../../gpu-node/bench/bench-models';
import { torchReference } from '../../gpu-node/bench/gpu-reference';

// A stand-in for python3: the MMDiT tool answers as PyTorch with CUDA would, the DiT tool as one without.
const FAKE = `#!/bin/sh
case "$1" in
  *bench_mmdit_torch.py) echo '[{"model": "sd3-medium", "tokens": 1024, "text_tokens": 333, "args": "'"$*"'"}]' ;;
  *bench_torch.py) echo '{"skipped": "PyTorch 2.11 sees no CUDA GPU"}' ;;
  *bench_lumina_torch.py) echo '[{"model": "lumina-next-sft", "tokens": 4096, "cross_text_tokens": 256, "args": "'"$*"'"}]' ;;
esac
`;

describe('PyTorch’s reference beside the gpu rows', () => {
  let dir: string;
  const python = process.env.RAS_BENCH_PYTHON;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gpu-reference-'));
    writeFileSync(join(dir, 'python'), FAKE);
    chmodSync(join(dir, 'python'), 0o755);
    process.env.RAS_BENCH_PYTHON = join(dir, 'python');
  });
  afterAll(() => {
    if (python === undefined) delete process.env.RAS_BENCH_PYTHON;
    else process.env.RAS_BENCH_PYTHON = python;
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs SD3-medium’s MMDiT tool and keeps its rows, listing why the other tool gave none', () => {
    const skipped: string[] = [];
    const rows = torchReference([{ mmdit: 'sd3-medium' }, { dit: DIT_384 }], false, () => 600_000, skipped);
    expect(rows).toEqual([
      expect.objectContaining({
        model: 'sd3-medium',
        tokens: 1024,
        text_tokens: 333,
        args: expect.stringMatching(/--config sd3-medium$/),
      }),
    ]);
    expect(skipped).toEqual(['PyTorch reference bench_torch.py: PyTorch 2.11 sees no CUDA GPU']);
  });

  it('passes --quick on, and says the one reason once when no tool gave rows', () => {
    const skipped: string[] = [];
    expect(torchReference([{ dit: DIT_384 }], true, () => 600_000, skipped)).toEqual({
      skipped: 'PyTorch 2.11 sees no CUDA GPU',
    });
    const [row] = torchReference([{ mmdit: 'tiny' }], true, () => 600_000, skipped) as { args: string }[];
    expect(row.args).toMatch(/--config tiny --quick$/);
    expect(skipped).toEqual([]);
  });

  it('runs Lumina-Next’s tool with its config, in the models’ order, before the DiTs’', () => {
    const skipped: string[] = [];
    const rows = torchReference(
      [{ lumina: 'sft' }, { mmdit: 'sd3-medium' }, { dit: DIT_384 }],
      false,
      () => 600_000,
      skipped,
    ) as { model: string; args: string }[];
    expect(rows.map((r) => r.model)).toEqual(['lumina-next-sft', 'sd3-medium']);
    expect(rows[0].args).toMatch(/bench_lumina_torch\.py --config sft$/);
    expect(skipped).toEqual(['PyTorch reference bench_torch.py: PyTorch 2.11 sees no CUDA GPU']);
  });

  it('gives a tool a third of the time left when that is under 2 minutes, a fraction of a millisecond included', () => {
    const rows = torchReference([{ lumina: 'tiny' }], true, () => 100_000, []) as { args: string }[];
    expect(rows[0].args).toMatch(/--config tiny --quick$/);
  });

  it('starts no tool when less than 20 s are left', () => {
    expect(torchReference([{ mmdit: 'sd3-medium' }], false, () => 19_000, [])).toEqual({
      skipped: 'time budget spent',
    });
  });
});
