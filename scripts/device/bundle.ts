/**
 * Bundles the GPU run's Node side (`scripts/device/device.ts`) into one ESM file for a machine
 * with no npm packages: everything but the native packages the device kit brings
 * (onnxruntime-node; `webgpu` is imported only by the adapter probe's child process).
 *
 *     tsx scripts/device/bundle.ts OUT_FILE
 *
 * A bundle is one file, so a source's `import.meta.url` would name the bundle, and every path
 * built from it (the repository root, `.cache/`, the exporter) would be wrong. Each
 * `import.meta.url` is therefore rewritten to the source file's own URL under the repository
 * the bundle runs in (`RAS_ROOT`, else the working directory); `import.meta.resolve` is left
 * alone, so packages resolve from where the bundle sits (beside the kit's node_modules).
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const ENTRY = resolve(ROOT, 'scripts/device/device.ts');

/** `import.meta.url` of each repository source → its URL under the runtime root. */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = JSON.stringify(relative(ROOT, args.path));
      const loader = args.path.endsWith('ts') ? 'ts' : 'js';
      return { contents: text.replaceAll('import.meta.url', `__rasSourceUrl(${rel})`), loader };
    });
  },
};

const BANNER = [
  "import { createRequire as __rasRequire } from 'node:module';",
  "import { pathToFileURL as __rasToUrl } from 'node:url';",
  // Bundled CommonJS packages call require() for Node's builtins.
  'const require = __rasRequire(import.meta.url);',
  "const __rasRoot = __rasToUrl((process.env.RAS_ROOT ?? process.cwd()) + '/');",
  'const __rasSourceUrl = (rel) => new URL(rel, __rasRoot).href;',
].join('\n');

const out = process.argv[2];
if (!out) throw new Error('usage: bundle.ts OUT_FILE');
await build({
  entryPoints: [ENTRY],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['onnxruntime-node', 'onnxruntime-common', 'webgpu'],
  banner: { js: BANNER },
  plugins: [sourceUrls],
  logLevel: 'warning',
});
