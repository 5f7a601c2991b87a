import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ignore from '@balena/dockerignore';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { all, baseImage, contextSources, envOf, execForm, readDockerfile, stages } from './dockerfile';
import { find, loadManifests, ROOT } from './manifests';

const text = readDockerfile();
const built = stages(text);
const runtime = built.at(-1)!;
const deps = built.find((s) => s.name === 'deps')!;
const ortScripts = join(ROOT, 'node_modules/onnxruntime-node/script');
const require = createRequire(import.meta.url);

describe('infra/gpu-node/Dockerfile', () => {
  it('is lint-clean (dockerfile-utils)', () => {
    expect(validate(text)).toEqual([]);
    expect(validate('FROM\nUSER\n').length).toBeGreaterThan(0);
  });

  it('builds in two stages and runs on a CUDA 12 + cuDNN runtime base', () => {
    expect(built.map((s) => s.name)).toEqual(['deps', 'runtime']);
    expect(baseImage(text, runtime)).toMatch(/^nvidia\/cuda:12\.[\d.]+-cudnn-runtime-/);
  });

  it('installs onnxruntime-node with its CUDA EP: the install script, given the image env and the .npmrc skip, does not skip', () => {
    const env = envOf(deps);
    expect(env.ONNXRUNTIME_NODE_INSTALL).toBeDefined();
    const { parseInstallFlag } = require(join(ortScripts, 'install-utils.js'));
    const metadata = require(join(ortScripts, 'install-metadata.js'));
    const keys = ['ONNXRUNTIME_NODE_INSTALL', 'npm_config_onnxruntime_node_install'] as const;
    const saved = keys.map((k) => process.env[k]);
    try {
      process.env.ONNXRUNTIME_NODE_INSTALL = env.ONNXRUNTIME_NODE_INSTALL;
      process.env.npm_config_onnxruntime_node_install = 'skip'; // what the repository's .npmrc sets
      const flag = parseInstallFlag();
      expect(flag).not.toBe(false);
      // true / undefined: the platform's default manifests; a string: the ones it names.
      const wanted = typeof flag === 'string' ? flag.split(',') : metadata.requirements['linux/x64'];
      expect(wanted).toContain('cuda12');
    } finally {
      keys.forEach((k, i) => {
        if (saved[i] === undefined) delete process.env[k];
        else process.env[k] = saved[i];
      });
    }
    // npm >= 11.16 runs a dependency's postinstall only when allowScripts lists it,
    // and the build fails unless the CUDA provider library landed.
    const run = all(deps, 'RUN')
      .map((r) => r.getArgumentsContent())
      .join('\n');
    expect(run).toMatch(/allow-scripts=onnxruntime-node[\s\S]*npm ci --omit=dev/);
    expect(Object.keys(metadata.manifests['linux/x64:cuda12'])).toContain('./libonnxruntime_providers_cuda.so');
    expect(run).toContain('bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so');
  });

  it('installs only the gpu-node and shared workspaces', () => {
    const run = all(deps, 'RUN')
      .map((r) => r.getArgumentsContent())
      .join('\n');
    const workspaces = [...run.matchAll(/--workspace=(\S+)/g)].map((m) => m[1]);
    expect(new Set(workspaces)).toEqual(new Set(['@ras/gpu-node', '@ras/shared']));
    expect(contextSources(runtime)).not.toContain('edge/src');
  });

  it('runs the node main as a non-root user, the same uid as the StatefulSet', () => {
    const users = all(runtime, 'USER').map((u) => u.getArgumentsContent() ?? '');
    expect(users).toHaveLength(1);
    const [uid, gid] = users[0].split(':');
    expect(uid).toMatch(/^[1-9]\d*$/);
    const pod = find(loadManifests(), 'StatefulSet', 'gpu-node').spec.template.spec.securityContext;
    expect([Number(uid), Number(gid)]).toEqual([pod.runAsUser, pod.runAsGroup]);
    expect(all(runtime, 'ENTRYPOINT')).toEqual([]);
    const cmd = execForm(all(runtime, 'CMD')[0]);
    expect(cmd).toEqual(['node', '--import', 'tsx', 'gpu-node/src/main.ts']);
    expect(existsSync(join(ROOT, cmd[3]))).toBe(true);
    expect(all(runtime, 'HEALTHCHECK')).toEqual([]);
  });

  it('ships proto/ (read at start) and the models', () => {
    expect(contextSources(runtime)).toEqual(expect.arrayContaining(['proto', 'gpu-node/models', 'gpu-node/src']));
  });
});

describe('.dockerignore', () => {
  const rules = ignore().add(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
  const sent = (path: string) => !rules.ignores(path);

  it('sends every file the Dockerfile copies from the context', () => {
    for (const stage of built) {
      for (const src of contextSources(stage)) expect(sent(src), src).toBe(true);
    }
    for (const f of ['proto/ras/v1/ras.proto', 'gpu-node/src/main.ts', 'gpu-node/models/test-tiny/model.onnx']) {
      expect(sent(f), f).toBe(true);
    }
  });

  it('leaves out dependencies, the edge, tests, checkpoints and goldens', () => {
    for (const f of [
      'node_modules/onnxruntime-node/package.json',
      'edge/src/index.ts',
      'test/infra/dockerfile.test.ts',
      'gpu-node/models/shapes-dit/train.pt',
      'gpu-node/models/test-tiny/golden.json',
      'gpu-node/models/evaluator/evaluator.onnx',
      '.git/HEAD',
    ]) {
      expect(sent(f), f).toBe(false);
    }
  });
});
