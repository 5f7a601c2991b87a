// The API key the page sends: from the link `npm start` prints
// (`/#key=…`: a fragment, never sent to a server, removed from the address bar
// once read), else the one this browser kept.

const KEY_STORAGE = 'ras.apiKey';

/**
 * The key to start with ('' when none), keeping one that came in the link.
 * @param {Location} loc
 * @param {Storage} storage
 * @param {History} history
 * @returns {string}
 */
export function startingKey(loc, storage, history) {
  const fromLink = new URLSearchParams(loc.hash.slice(1)).get('key')?.trim();
  if (fromLink) {
    storage.setItem(KEY_STORAGE, fromLink);
    history.replaceState(null, '', loc.pathname + loc.search);
    return fromLink;
  }
  return storage.getItem(KEY_STORAGE) ?? '';
}

/**
 * Keeps `key` for the next visit.
 * @param {Storage} storage
 * @param {string} key
 */
export function keepKey(storage, key) {
  storage.setItem(KEY_STORAGE, key);
}
