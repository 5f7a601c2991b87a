// Generated from key.js by test/web/public-types.ts; do not edit.
/**
 * The key to start with ('' when none), keeping one that came in the link.
 * @param {Location} loc
 * @param {Storage} storage
 * @param {History} history
 * @returns {string}
 */
export function startingKey(loc: Location, storage: Storage, history: History): string;
/**
 * Keeps `key` for the next visit.
 * @param {Storage} storage
 * @param {string} key
 */
export function keepKey(storage: Storage, key: string): void;
