/**
 * The page's modules are plain JavaScript (no build step), typed with JSDoc.
 * This checks them with the compiler (checkJs, strict, DOM) and derives the
 * `.d.ts` beside each module the tests import, formatted by biome, so the
 * tests are type-checked against the real signatures.
 *
 * Regenerate the declarations: `npx tsx test/web/public-types.ts --write`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PUBLIC_JS = join(ROOT, 'edge/public/js');
const CONFIG = join(ROOT, 'test/web/tsconfig.public.json');

/** The modules the tests import: pure, no DOM. */
export const TYPED_MODULES = ['api', 'errors', 'history', 'key', 'models', 'payloads', 'selection', 'sse', 'stats'];

// Declarations are emitted "into" this folder (captured, never written): emitted
// beside the sources they would collide with the committed ones, which the
// compiler then reads as inputs.
const OUT = join(ROOT, '.cache/public-types');

function program(): ts.Program {
  const read = ts.readConfigFile(CONFIG, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(CONFIG));
  return ts.createProgram(parsed.fileNames, { ...parsed.options, declarationDir: OUT, rootDir: ROOT });
}

/** Compiler diagnostics of every module under edge/public/js, as text (empty: clean). */
export function checkPublicJs(): string[] {
  return ts.getPreEmitDiagnostics(program()).map((d) => {
    const where = d.file
      ? `${relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

function biomeFormat(path: string, text: string): string {
  const biome = join(ROOT, 'node_modules/.bin/biome');
  return execFileSync(biome, ['format', `--stdin-file-path=${path}`], { cwd: ROOT, input: text, encoding: 'utf8' });
}

/** The declarations of TYPED_MODULES as they should be: path → text. */
export function declarations(): Map<string, string> {
  const out = new Map<string, string>();
  const wanted = new Set(TYPED_MODULES.map((m) => `${m}.d.ts`));
  program().emit(undefined, (file, text) => {
    const name = relative(join(OUT, relative(ROOT, PUBLIC_JS)), resolve(file));
    if (!wanted.has(name)) return;
    const path = join(PUBLIC_JS, name);
    const header = `// Generated from ${path.split('/').pop()?.replace('.d.ts', '.js')} by test/web/public-types.ts; do not edit.\n`;
    out.set(path, biomeFormat(relative(ROOT, path), header + text));
  });
  return out;
}

/** Committed declarations that differ from (or lack) the generated ones. */
export function staleDeclarations(): string[] {
  const stale: string[] = [];
  for (const [path, text] of declarations()) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {}
    if (committed !== text) stale.push(relative(ROOT, path));
  }
  return stale;
}

if (process.argv.includes('--write')) {
  for (const [path, text] of declarations()) writeFileSync(path, text);
  console.log(`wrote ${TYPED_MODULES.length} declarations under ${relative(ROOT, PUBLIC_JS)}`);
}
