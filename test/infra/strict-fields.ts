/**
 * Unknown-field check for manifests: the Kubernetes OpenAPI schemas allow
 * unknown properties (the API server drops or rejects them only at apply
 * time), so a typo such as `readinesProbe` would pass `validate()`. Here each
 * document is type-checked as an object literal against kubernetes-models'
 * interfaces (generated from the same schemas); TypeScript's excess-property
 * check then names every field the schema does not have.
 */
import { join } from 'node:path';
import ts from 'typescript';

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
};

/** kubernetes-models module path of an apiVersion ("v1", "apps/v1", ...). */
function modulePath(apiVersion: string): string {
  return `kubernetes-models/${apiVersion}`;
}

/** Type errors of `docs` as `label: message`, empty when every field is known and typed right. */
export function unknownFieldErrors(dir: string, docs: { label: string; doc: { apiVersion: string; kind: string } }[]) {
  const sources = new Map<string, string>();
  docs.forEach(({ doc }, i) => {
    const path = join(dir, `__manifest_${i}__.ts`);
    const text = `import type { I${doc.kind} as T } from '${modulePath(doc.apiVersion)}';\nexport const m: T = ${JSON.stringify(doc)};\n`;
    sources.set(path, text);
  });
  const host = ts.createCompilerHost(OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => sources.has(f) || fileExists(f);
  host.readFile = (f) => sources.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = sources.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, ...rest);
  };
  const program = ts.createProgram([...sources.keys()], OPTIONS, host);
  const paths = [...sources.keys()];
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const i = d.file ? paths.indexOf(d.file.fileName) : -1;
    const where = i >= 0 ? docs[i].label : (d.file?.fileName ?? '?');
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
