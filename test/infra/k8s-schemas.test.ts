import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { find, K8S_DIR, loadManifests, manifestFiles, parseYaml, validateObject } from './manifests';

const manifests = loadManifests();

describe('infra/k8s manifests', () => {
  it.each(manifests.map((m) => [`${m.file}: ${m.doc?.kind} ${m.doc?.metadata?.name}`, m]))(
    '%s is valid against the Kubernetes schema of its kind',
    (_, m) => {
      expect(() => validateObject(m.doc)).not.toThrow();
    },
  );

  it('covers the StatefulSet, headless Service, PDB, ConfigMap, Secret example and Namespace', () => {
    const kinds = manifests.map((m) => m.doc.kind).sort();
    expect(kinds).toEqual(['ConfigMap', 'Namespace', 'PodDisruptionBudget', 'Secret', 'Service', 'StatefulSet']);
  });

  it('rejects a broken manifest (the validator is not vacuous)', () => {
    const sts = structuredClone(find(manifests, 'StatefulSet', 'gpu-node'));
    sts.spec.replicas = 'two';
    expect(() => validateObject(sts)).toThrow(/replicas/);
    const noName = structuredClone(find(manifests, 'StatefulSet', 'gpu-node'));
    delete noName.spec.template.spec.containers[0].name;
    expect(() => validateObject(noName)).toThrow(/name/);
    const probe = structuredClone(find(manifests, 'StatefulSet', 'gpu-node'));
    probe.spec.template.spec.containers[0].readinessProbe.grpc = { service: 'x' };
    expect(() => validateObject(probe)).toThrow(/port/);
    expect(() => parseYaml('bad.yaml', 'a: [1, 2')).toThrow(/bad.yaml/);
  });

  it('kustomization.yaml lists every object file except the example Secret, and sets the node image', () => {
    const k = parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8'));
    const expected = manifestFiles().filter((f) => f !== 'secret.example.yaml');
    expect([...k.resources].sort()).toEqual(expected);
    const sts = find(manifests, 'StatefulSet', 'gpu-node');
    const images = sts.spec.template.spec.containers.map((c: { image: string }) => c.image);
    expect(k.images.map((i: { name: string }) => i.name)).toEqual(images);
  });

  it('puts every namespaced object in the namespace the manifests create', () => {
    const ns = find(manifests, 'Namespace', 'ras').metadata.name;
    for (const m of manifests.filter((x) => x.doc.kind !== 'Namespace')) {
      expect(m.doc.metadata.namespace, `${m.file}`).toBe(ns);
    }
  });
});
