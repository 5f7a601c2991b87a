/**
 * What makes a reference in this repository followable with only a clone
 * (docs/design.md#comments-and-citations): the checks of one file's text,
 * free of the file system except through `RepoView`, so the tests can feed
 * them broken samples as well as the real files.
 */
import { dirname, join, normalize, relative, sep } from 'node:path';

/** What the checks need to know of the repository. */
export interface RepoView {
  /** Whether a repository-relative path (file or folder) exists. */
  exists(path: string): boolean;
  /** A repository-relative Markdown file's text, or undefined when it has none. */
  read(path: string): string | undefined;
}

/** Names of files outside the repository that code must never cite (built so this file does not cite them). */
const FOREIGN = new RegExp(`\\b(?:${['DESIGN', 'STYLE'].join('|')})\\.md\\b`, 'g');
/** `../` paths into a `shared/` folder: fine when they land inside the repository. */
const UP_TO_SHARED = /((?:\.\.\/)+)shared\//g;
/** `docs/<file>.md`, optionally `#anchor`, as code comments and prose name them (from the root). */
const DOCS_REF = /(?<![\w./-])(?:\.\.\/)*docs\/((?:[\w.-]+\/)*[\w.-]+\.md)(?:#([\w-]+))?/g;
/** Inline Markdown links and images: `[text](target)` or `[text](target "title")`. */
const MD_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** GitHub's heading anchor: lower-case, punctuation dropped (not `-` or `_`), spaces to `-`. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Markdown text without its fenced code blocks (their `#` lines are not headings, their brackets not links). */
export function withoutFences(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** The anchors a Markdown file's headings get, duplicates numbered as GitHub numbers them. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const outside = (path: string) => path === '..' || path.startsWith(`..${sep}`) || path.startsWith('/');

/** Why `anchor` of Markdown file `target` does not resolve, or undefined when it does. */
function anchorProblem(
  repo: RepoView,
  target: string,
  anchor: string | undefined,
  text = repo.read(target),
): string | undefined {
  if (text === undefined && !repo.exists(target)) return `${target} does not exist`;
  if (anchor === undefined) return undefined;
  if (text !== undefined && !anchors(text).has(anchor)) return `${target} has no heading #${anchor}`;
  return undefined;
}

/** Problems of one relative Markdown link target in Markdown file `file` (whose text is `own`). */
function linkProblem(repo: RepoView, file: string, own: string, href: string): string | undefined {
  if (/^[a-z][\w+.-]*:/i.test(href)) return undefined; // https:, mailto:
  const [path, anchor] = href.split('#', 2) as [string, string | undefined];
  if (path.startsWith('/')) return `${href}: an absolute path, not relative to the file`;
  const target = path === '' ? file : normalize(join(dirname(file), decodeURI(path.split('?')[0])));
  if (outside(target)) return `${href} leaves the repository`;
  if (!target.endsWith('.md')) return repo.exists(target) ? undefined : `${href}: ${target} does not exist`;
  const why = anchorProblem(repo, target, anchor, target === file ? own : undefined);
  return why && `${href}: ${why}`;
}

/** Every unfollowable reference in `text`, the content of repository file `file`, as `file:line: why`. */
export function problemsIn(repo: RepoView, file: string, text: string): string[] {
  const problems: string[] = [];
  const report = (index: number, why: string) => problems.push(`${file}:${lineOf(text, index)}: ${why}`);
  for (const m of text.matchAll(FOREIGN)) report(m.index, `cites ${m[0]}, which is not in the repository`);
  for (const m of text.matchAll(UP_TO_SHARED)) {
    const target = normalize(join(dirname(file), m[1], 'shared'));
    if (outside(target) || !repo.exists(target)) report(m.index, `${m[0]} points outside the repository`);
  }
  for (const m of text.matchAll(DOCS_REF)) {
    const why = anchorProblem(repo, `docs/${m[1]}`, m[2]);
    if (why) report(m.index, why);
  }
  if (file.endsWith('.md')) {
    const prose = withoutFences(text);
    for (const m of prose.matchAll(MD_LINK)) {
      const why = linkProblem(repo, file, text, m[1]);
      if (why) report(m.index, why);
    }
  }
  return problems;
}

/** `path` relative to `root`, with forward slashes. */
export const repoPath = (root: string, path: string) => relative(root, path).split(sep).join('/');
