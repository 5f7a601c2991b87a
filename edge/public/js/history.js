// A session's version history on the page: every version the node made, which
// one is shown, and so which one the next edit edits (docs/design.md#sessions: an edit
// makes a new version; undo = go back a version). Immutable and pure.

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
export function startHistory(sessionId, first) {
  const entry = { version: first.version, image: first.image, parent: null, note: first.note ?? '' };
  return { sessionId, versions: [entry], selected: first.version };
}

/**
 * The history after an edit of the selected version produced `result`; the
 * new version becomes the selected one.
 * @param {History} history
 * @param {{ version: number, image: string, note?: string }} result
 * @returns {History}
 */
export function addVersion(history, result) {
  if (history.versions.some((v) => v.version === result.version))
    throw new Error(`version ${result.version} is already in the history`);
  const entry = { version: result.version, image: result.image, parent: history.selected, note: result.note ?? '' };
  const versions = [...history.versions, entry].sort((a, b) => a.version - b.version);
  return { ...history, versions, selected: result.version };
}

/**
 * The history with `version` shown (and edited next).
 * @param {History} history
 * @param {number} version
 * @returns {History}
 */
export function selectVersion(history, version) {
  if (!history.versions.some((v) => v.version === version)) throw new Error(`version ${version} is not in the history`);
  return { ...history, selected: version };
}

/**
 * Undo: show the version the selected one was edited from. Null when the
 * selected version is the original.
 * @param {History} history
 * @returns {History | null}
 */
export function undo(history) {
  const parent = current(history).parent;
  return parent === null ? null : { ...history, selected: parent };
}

/**
 * The selected version's entry.
 * @param {History} history
 * @returns {VersionEntry}
 */
export function current(history) {
  const entry = history.versions.find((v) => v.version === history.selected);
  if (!entry) throw new Error(`selected version ${history.selected} is missing`);
  return entry;
}
