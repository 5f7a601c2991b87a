// Generated from history.js by test/web/public-types.ts; do not edit.
/**
 * One version of the image.
 * @typedef {{
 *   version: number,
 *   image: string,
 *   parent: number | null,
 *   note: string,
 * }} VersionEntry
 */
/**
 * @typedef {{ sessionId: string, versions: VersionEntry[], selected: number }} History
 */
/**
 * A new session's history holding its first version.
 * @param {string} sessionId
 * @param {{ version: number, image: string, note?: string }} first
 * @returns {History}
 */
export function startHistory(
  sessionId: string,
  first: {
    version: number;
    image: string;
    note?: string;
  },
): History;
/**
 * The history after an edit of the selected version produced `result`; the
 * new version becomes the selected one.
 * @param {History} history
 * @param {{ version: number, image: string, note?: string }} result
 * @returns {History}
 */
export function addVersion(
  history: History,
  result: {
    version: number;
    image: string;
    note?: string;
  },
): History;
/**
 * The history with `version` shown (and edited next).
 * @param {History} history
 * @param {number} version
 * @returns {History}
 */
export function selectVersion(history: History, version: number): History;
/**
 * Undo: show the version the selected one was edited from. Null when the
 * selected version is the original.
 * @param {History} history
 * @returns {History | null}
 */
export function undo(history: History): History | null;
/**
 * The selected version's entry.
 * @param {History} history
 * @returns {VersionEntry}
 */
export function current(history: History): VersionEntry;
/**
 * One version of the image.
 */
export type VersionEntry = {
  version: number;
  image: string;
  parent: number | null;
  note: string;
};
export type History = {
  sessionId: string;
  versions: VersionEntry[];
  selected: number;
};
