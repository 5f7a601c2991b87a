import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RasSamplerService } from '@ras/shared';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../gpu-node/src/service/config';
import { all, envOf, readDockerfile, stages } from './dockerfile';
import { find, loadManifests, ROOT } from './manifests';

const manifests = loadManifests();
const sts = find(manifests, 'StatefulSet', 'gpu-node');
const pod = sts.spec.template.spec;
const container = pod.containers[0];
const configMap = find(manifests, 'ConfigMap', container.envFrom[0].configMapRef.name);
const tokenRef = container.env.find((e: { name: string }) => e.name === 'RAS_NODE_TOKEN').valueFrom.secretKeyRef;
const secret = find(manifests, 'Secret', tokenRef.name);
const secretEnv = (name: string) => {
  const ref = container.env.find((e: { name: string }) => e.name === name)?.valueFrom.secretKeyRef;
  return ref?.name === secret.metadata.name ? secret.stringData[ref.key] : undefined;
};
const service = find(manifests, 'Service', sts.spec.serviceName);
const portOf = (name: string) => container.ports.find((p: { name: string }) => p.name === name).containerPort;

/** The node's configuration as the pod's environment gives it (gpu-node/src/service/config.ts). */
const config = readConfig({
  ...configMap.data,
  RAS_NODE_TOKEN: secretEnv('RAS_NODE_TOKEN'),
  RAS_STATE_KEY: secretEnv('RAS_STATE_KEY'),
});

describe('the GPU node in its pod', () => {
  it('reads every ConfigMap key (no misspelt variable is silently ignored)', () => {
    const source = readFileSync(join(ROOT, 'gpu-node/src/service/config.ts'), 'utf8');
    for (const key of Object.keys(configMap.data))
      expect(source, key).toMatch(new RegExp(`env(\\.${key}\\b|, '${key}')`));
  });

  it('listens on every interface with a token and a state key, on the WebGPU provider with the graphics capability', () => {
    expect(config.host).toBe('0.0.0.0');
    expect(config.tokens).toHaveLength(1);
    expect(config.stateKeys?.current).toBeTruthy();
    expect(config.executionProviders).toEqual(['webgpu']);
    const caps = container.env.find((e: { name: string }) => e.name === 'NVIDIA_DRIVER_CAPABILITIES').value;
    expect(caps.split(',')).toContain('graphics');
  });

  it('probes grpc.health.v1 on the port the node serves native gRPC on', () => {
    expect(portOf('grpc')).toBe(config.port);
    expect(portOf('grpc-web')).toBe(config.webPort);
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect(container[probe].grpc.port, probe).toBe(config.port);
    }
    expect(container.readinessProbe.grpc.service).toBe(RasSamplerService.typeName);
  });

  it('is addressed per pod through a headless Service on both ports', () => {
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.selector).toEqual(sts.spec.selector.matchLabels);
    expect(sts.spec.template.metadata.labels).toMatchObject(sts.spec.selector.matchLabels);
    const byName = Object.fromEntries(service.spec.ports.map((p: { name: string }) => [p.name, p]));
    expect([byName.grpc.port, byName.grpc.targetPort]).toEqual([config.port, 'grpc']);
    expect([byName['grpc-web'].port, byName['grpc-web'].targetPort]).toEqual([config.webPort, 'grpc-web']);
  });

  it('spills sessions to its own volume; the read-only root keeps /tmp writable', () => {
    const claims = sts.spec.volumeClaimTemplates.map((c: { metadata: { name: string } }) => c.metadata.name);
    const mount = container.volumeMounts.find((m: { mountPath: string }) =>
      config.cacheDir?.startsWith(`${m.mountPath}/`),
    );
    expect(claims).toContain(mount?.name);
    expect(container.volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toContain('/tmp');
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
  });

  it('asks for one GPU and guards its disruption with a PDB on the same pods', () => {
    expect(container.resources.limits['nvidia.com/gpu']).toBe('1');
    const pdb = find(manifests, 'PodDisruptionBudget', sts.metadata.name);
    expect(pdb.spec.selector.matchLabels).toEqual(sts.spec.selector.matchLabels);
  });

  it('matches the image: exposed ports and its default env agree with the ConfigMap', () => {
    const built = stages(readDockerfile());
    const runtime = built.at(-1)!;
    const exposed = all(runtime, 'EXPOSE').flatMap((e) => e.getArguments().map((a) => Number(a.getValue())));
    expect(exposed.sort()).toEqual([config.port, config.webPort].sort());
    const image = { ...envOf(built.find((s) => s.name === 'base-webgpu')!), ...envOf(runtime) }; // the default route
    expect(readConfig(image)).toMatchObject({
      host: config.host,
      port: config.port,
      webPort: config.webPort,
      cacheDir: config.cacheDir,
      executionProviders: config.executionProviders,
    });
  });
});
