import { describe, expect, it } from 'vitest';
import { find, loadManifests } from './manifests';
import { unknownFieldErrors } from './strict-fields';

const manifests = loadManifests();
const label = (m: (typeof manifests)[number]) => `${m.file} ${m.doc.kind}`;

describe('infra/k8s manifests, field names', () => {
  it('use only fields the Kubernetes schemas define', () => {
    const errors = unknownFieldErrors(
      import.meta.dirname,
      manifests.map((m) => ({ label: label(m), doc: m.doc })),
    );
    expect(errors).toEqual([]);
  });

  it('reports a misspelt field (the check is not vacuous)', () => {
    const sts = structuredClone(find(manifests, 'StatefulSet', 'gpu-node'));
    const c = sts.spec.template.spec.containers[0];
    c.readinesProbe = c.readinessProbe;
    delete c.readinessProbe;
    const errors = unknownFieldErrors(import.meta.dirname, [{ label: 'broken', doc: sts }]);
    expect(errors.join('\n')).toMatch(/broken: .*readinesProbe/);
  });
});
