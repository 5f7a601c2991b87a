import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ignore from '@balena/dockerignore';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../gpu-node/src/service/config';
import { all, baseImage, contextSources, envOf, execForm, readDockerfile, stages } from './dockerfile';
import { find, loadManifests, ROOT } from './manifests';

const text = readDockerfile();
const built = stages(text);
const runtime = built.at(-1)!;
const deps = built.find((s) => s.name === 'deps')!;
const base = (route: string) => built.find((s) => s.name === `base-${route}`)!;
const depsRun = all(deps, 'RUN')
  .map((r) => r.getArgumentsContent())
  .join('\n');
/** The ONNXRUNTIME_NODE_INSTALL the deps stage exports for a route (its `if` branch). */
const installFlag = (route: 'cuda' | 'webgpu') => {
  const m = depsRun.match(
    /if \[ "\$ROUTE" = cuda \]; then\s*\\?\s*export ONNXRUNTIME_NODE_INSTALL=(\S+)[\s\S]*?else\s*\\?\s*export ONNXRUNTIME_NODE_INSTALL=(\S+?);/,
  );
  return m?.[route === 'cuda' ? 1 : 2];
};
const ortScripts = join(ROOT, 'node_modules/onnxruntime-node/script');
const require = createRequire(import.meta.url);

describe('infra/gpu-node/Dockerfile', () => {
  it('is lint-clean (dockerfile-utils)', () => {
    expect(validate(text)).toEqual([]);
    expect(validate('FROM\nUSER\n').length).toBeGreaterThan(0);
  });

  it('builds deps, one base per route and the runtime on the base ROUTE names (webgpu by default)', () => {
    expect(built.map((s) => s.name)).toEqual(['deps', 'base-cuda', 'base-webgpu', 'runtime']);
    expect(runtime.from).toBe('base-${ROUTE}');
    expect(baseImage(text, { ...runtime, from: '${ROUTE}' })).toBe('webgpu');
    expect(baseImage(text, base('cuda'))).toMatch(/^nvidia\/cuda:12\.[\d.]+-cudnn-runtime-/);
  });

  it("gives the webgpu route the Vulkan loader and the NVIDIA graphics capability (the driver's Vulkan ICD)", () => {
    const run = all(base('webgpu'), 'RUN').map((r) => r.getArgumentsContent() ?? '');
    expect(run.join('\n')).toMatch(/apt-get install[^\n]*libvulkan1/);
    const env = envOf(base('webgpu'));
    expect(env.NVIDIA_DRIVER_CAPABILITIES.split(',')).toContain('graphics');
    expect(readConfig(env).executionProviders).toEqual(['webgpu']);
    expect(readConfig(envOf(base('cuda'))).executionProviders[0]).toBe('cuda');
    expect(depsRun).toContain('node_modules/webgpu/dist/linux-x64/dawn.node');
  });

  it("installs onnxruntime-node with its CUDA EP on the cuda route only: the install script, given each route's flag and the .npmrc skip", () => {
    const { parseInstallFlag } = require(join(ortScripts, 'install-utils.js'));
    const metadata = require(join(ortScripts, 'install-metadata.js'));
    const keys = ['ONNXRUNTIME_NODE_INSTALL', 'npm_config_onnxruntime_node_install'] as const;
    const saved = keys.map((k) => process.env[k]);
    const flagFor = (route: 'cuda' | 'webgpu') => {
      process.env.ONNXRUNTIME_NODE_INSTALL = installFlag(route);
      process.env.npm_config_onnxruntime_node_install = 'skip'; // what the repository's .npmrc sets
      return parseInstallFlag();
    };
    try {
      expect(installFlag('cuda')).toBeDefined();
      const flag = flagFor('cuda');
      expect(flag).not.toBe(false);
      // true / undefined: the platform's default manifests; a string: the ones it names.
      const wanted = typeof flag === 'string' ? flag.split(',') : metadata.requirements['linux/x64'];
      expect(wanted).toContain('cuda12');
      expect(flagFor('webgpu')).toBe(false);
    } finally {
      keys.forEach((k, i) => {
        if (saved[i] === undefined) delete process.env[k];
        else process.env[k] = saved[i];
      });
    }
    // npm >= 11.16 runs a dependency's postinstall only when allowScripts lists it,
    // and the build fails unless the CUDA provider library landed.
    expect(depsRun).toMatch(/allow-scripts=onnxruntime-node[\s\S]*npm ci --omit=dev/);
    expect(Object.keys(metadata.manifests['linux/x64:cuda12'])).toContain('./libonnxruntime_providers_cuda.so');
    expect(depsRun).toContain('bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so');
  });

  it('installs only the gpu-node and shared workspaces', () => {
    const workspaces = [...depsRun.matchAll(/--workspace=(\S+)/g)].map((m) => m[1]);
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
    for (const f of [
      'proto/ras/v1/ras.proto',
      'gpu-node/src/main.ts',
      'gpu-node/models/test-tiny/model.onnx',
      'gpu-node/models/test-tiny/model.weights',
    ]) {
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
