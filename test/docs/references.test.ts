/**
 * Every reference in the repository can be followed with only a clone
 * (docs/design.md#comments-and-citations): no citation of files outside it,
 * no relative Markdown link that leaves it or names a missing file, and no
 * `docs/<file>.md#anchor` whose anchor is not a heading of that file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, problemsIn, type RepoView, slug } from './references';

const ROOT = resolve(import.meta.dirname, '../..');
/** Generated code, model files and lockfiles: not written by hand, not read for references. */
const SKIPPED = [
  /^shared\/src\/proto\//,
  /^shared\/src\/generated\//,
  /^edge\/types\//,
  /^edge\/generated\//,
  /^gpu-node\/models\//,
  /(^|\/)package-lock\.json$/,
  /\.(onnx|weights|pt|binpb|png|jpe?g|gif|ico|woff2?)$/,
];

/** Tracked files, and new ones git does not ignore, that still exist. */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return [...new Set(out.split('\0'))].filter((f) => f && existsSync(join(ROOT, f)));
}

const realRepo: RepoView = {
  exists: (path) => existsSync(join(ROOT, path)),
  read: (path) => (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined),
};

/** A fake repository holding `files` (path → text); folders exist when a file lies under them. */
function fakeRepo(files: Record<string, string>): RepoView {
  return {
    exists: (path) => path in files || Object.keys(files).some((f) => f.startsWith(`${path}/`)),
    read: (path) => files[path],
  };
}

describe('the reference checks', () => {
  const repo = fakeRepo({
    'docs/design.md': '# Design\n## HTTP API\n## Code style\n',
    'README.md': '',
    'shared/src/http/index.ts': '',
  });
  const check = (file: string, text: string) => problemsIn(repo, file, text);
  // Broken samples are assembled at run time, so that this file itself passes the repository check.
  const up = '..';
  const docs = 'docs/';
  const page = `${docs}a.md`;

  it('slugs headings the way GitHub does', () => {
    expect(slug('HTTP API')).toBe('http-api');
    expect(slug('What changed from `ras-ready-dit/1`, and why')).toBe('what-changed-from-ras-ready-dit1-and-why');
    expect([...anchors('# A\n```sh\n# not a heading\n```\n## A\n')]).toEqual(['a', 'a-1']);
  });

  it('finds citations of files outside the repository', () => {
    const foreign = ['DESIGN', 'STYLE'].map((n) => `${n}.md`);
    expect(check('x.ts', `// (${foreign[0]} §5)`)).toHaveLength(1);
    expect(check('x.ts', `// (${foreign[1]})`)).toHaveLength(1);
    expect(check('x.ts', `// see ${up}/shared/notes.md`)).toHaveLength(1);
    expect(check('a/b/x.ts', `import('${up}/${up}/shared/src/http')`)).toEqual([]);
  });

  it('finds docs anchors that are no heading, and missing docs', () => {
    expect(check('x.ts', '// (docs/design.md#http-api)')).toEqual([]);
    expect(check('x.ts', `// (${docs}design.md#https-api)`)).toEqual([
      'x.ts:1: docs/design.md has no heading #https-api',
    ]);
    expect(check('x.ts', `// (${docs}desing.md)`)).toEqual([`x.ts:1: ${docs}desing.md does not exist`]);
  });

  it('finds Markdown links that leave the repository or point at nothing', () => {
    expect(check(page, '[d](design.md#code-style) [r](../README.md) [w](https://x.org/a.md)')).toEqual([]);
    expect(check(page, 'text\n[out](../../elsewhere.md)')).toEqual([
      `${page}:2: ../../elsewhere.md leaves the repository`,
    ]);
    expect(check(page, '[gone](gone.md)')).toHaveLength(1);
    expect(check(page, '[bad](design.md#nope)')).toHaveLength(1);
    expect(check('docs/design.md', '## Here\n[self](#here) [self](#there)')).toHaveLength(1);
    expect(check(page, '```\n[not a link](nowhere.md)\n```')).toEqual([]);
  });
});

describe('the repository', () => {
  const files = repoFiles().filter((f) => !SKIPPED.some((re) => re.test(f)));

  it('is read whole: every hand-written folder has files here', () => {
    for (const dir of ['docs/', 'edge/src/', 'gpu-node/src/', 'shared/src/', 'test/', 'infra/'])
      expect(files.some((f) => f.startsWith(dir))).toBe(true);
  });

  it('has only references a reader with a clone can follow', () => {
    const problems: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(join(ROOT, file));
      if (bytes.subarray(0, 8000).includes(0)) continue; // binary
      problems.push(...problemsIn(realRepo, file, bytes.toString('utf8')));
    }
    expect(problems).toEqual([]);
  });
});
