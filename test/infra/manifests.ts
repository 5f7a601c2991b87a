/**
 * Loads the Kubernetes manifests under infra/k8s (every YAML document of
 * every file) and validates one with the kubernetes-models class of its
 * apiVersion/kind, i.e. the published Kubernetes OpenAPI schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');
export const K8S_DIR = join(ROOT, 'infra/k8s');

/** One YAML document of a manifest file. */
export interface Manifest {
  file: string;
  // biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, checked by the schemas
  doc: any;
}

/** Parses every document of a YAML file; a YAML error throws, naming the file. */
export function parseYaml(file: string, text = readFileSync(join(K8S_DIR, file), 'utf8')): Manifest[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return { file, doc: d.toJS() };
  });
}

/** The Kubernetes object files (everything but kustomization.yaml). */
export function manifestFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .sort();
}

export function loadManifests(): Manifest[] {
  return manifestFiles().flatMap((f) => parseYaml(f));
}

// kubernetes-models modules by apiVersion; a kind is looked up by name in its module.
const GROUPS: Record<string, Record<string, unknown>> = { v1: core, 'apps/v1': apps, 'policy/v1': policy };

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** Validates `doc` against the schema of its apiVersion/kind; throws with the schema's errors. */
export function validateObject(doc: { apiVersion?: string; kind?: string }): void {
  const group = GROUPS[doc.apiVersion ?? ''];
  const model = group?.[doc.kind ?? ''] as ModelClass | undefined;
  if (typeof model !== 'function') throw new Error(`no schema known for ${doc.apiVersion}/${doc.kind}`);
  new model(doc).validate();
}

/** The one document of `kind` named `name`. */
export function find(manifests: Manifest[], kind: string, name: string) {
  const found = manifests.filter((m) => m.doc.kind === kind && m.doc.metadata?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0].doc;
}
