/**
 * A session's `meta.json`: its metadata as JSON, each edit's region (and its
 * undilated `inner` tokens) as the list of its tokens. The format predates the TokenMask and stays as it is,
 * so a node reads the directories older nodes wrote and the other way round.
 */
import { maskIndices, type TokenMask, tokenMask } from '../../sampler/token-mask';
import type { SessionMeta, VersionEdit } from './types';

type Stored<T> = Omit<T, 'region' | 'inner'> & { region: number[]; inner?: number[] };

/** What `meta.json` holds. */
interface MetaFile extends Omit<SessionMeta, 'versions'> {
  versions: (Omit<SessionMeta['versions'][0], 'edit'> & { edit?: Stored<VersionEdit> })[];
}

/** `meta` as the text of its `meta.json`. */
export function encodeMeta(meta: SessionMeta): string {
  const file: MetaFile = {
    ...meta,
    versions: meta.versions.map(({ edit, ...v }) =>
      edit ? { ...v, edit: { ...edit, region: indices(edit.region), inner: edit.inner && indices(edit.inner) } } : v,
    ),
  };
  return JSON.stringify(file);
}

/** The metadata in a `meta.json`; throws when it is not JSON. */
export function decodeMeta(text: string): SessionMeta {
  const file: MetaFile = JSON.parse(text);
  const tokens = file.recipe.grid[0] * file.recipe.grid[1];
  return {
    ...file,
    versions: file.versions.map(({ edit, ...v }) =>
      edit
        ? {
            ...v,
            edit: {
              ...edit,
              region: tokenMask(tokens, edit.region),
              inner: edit.inner && tokenMask(tokens, edit.inner),
            },
          }
        : v,
    ),
  };
}

const indices = (mask: TokenMask): number[] => Array.from(maskIndices(mask));
