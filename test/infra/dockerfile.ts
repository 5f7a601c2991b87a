/**
 * The GPU node's Dockerfile, parsed with dockerfile-ast (the parser behind the
 * VS Code Docker language server): its build stages and what each sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Copy, DockerfileParser, type Env, type Instruction, JSONInstruction } from 'dockerfile-ast';
import { ROOT } from './manifests';

export const DOCKERFILE = join(ROOT, 'infra/gpu-node/Dockerfile');

export function readDockerfile(): string {
  return readFileSync(DOCKERFILE, 'utf8');
}

/** One build stage: its FROM's stage name and its instructions after the FROM. */
export interface Stage {
  name: string | null;
  from: string;
  instructions: Instruction[];
}

export function stages(text: string): Stage[] {
  const out: Stage[] = [];
  for (const i of DockerfileParser.parse(text).getInstructions()) {
    if (i.getKeyword() === 'FROM') {
      const [image = '', , name = null] = (i.getArgumentsContent() ?? '').split(/\s+/);
      out.push({ name, from: image, instructions: [] });
    } else out.at(-1)?.instructions.push(i);
  }
  return out;
}

/** A stage's base image with the global ARG defaults (before the first FROM) substituted. */
export function baseImage(text: string, stage: Stage): string {
  const args = new Map<string, string>();
  for (const a of DockerfileParser.parse(text).getInitialARGs()) {
    const p = a.getProperty();
    if (p) args.set(p.getName(), p.getValue() ?? '');
  }
  return stage.from.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => args.get(a ?? b) ?? '');
}

/** The instructions of `stage` with `keyword`. */
export function all(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

/** The ENV values a stage sets (later ones win). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of all(stage, 'ENV') as Env[]) {
    for (const p of i.getProperties()) env[p.getName()] = p.getValue() ?? '';
  }
  return env;
}

/** The exec-form words of a CMD / ENTRYPOINT. */
export function execForm(i: Instruction): string[] {
  if (!(i instanceof JSONInstruction)) throw new Error(`${i.getKeyword()} is not in exec form`);
  return i.getJSONStrings().map((s) => s.getJSONValue());
}

/** Context paths copied into a stage (COPY without --from), sources only. */
export function contextSources(stage: Stage): string[] {
  return (all(stage, 'COPY') as Copy[])
    .filter((c) => c.getFromFlag() === null)
    .flatMap((c) =>
      c
        .getArguments()
        .slice(0, -1)
        .map((a) => a.getValue()),
    );
}
