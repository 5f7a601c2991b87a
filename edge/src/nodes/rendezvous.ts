/**
 * Rendezvous (highest-random-weight) hashing: every key ranks every node;
 * removing a node only moves the keys that ranked it first (Thaler &
 * Ravishankar, 1998). Synchronous and deterministic across isolates.
 */

/** FNV-1a over UTF-16 code units, then murmur3's fmix32 for avalanche. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** `nodes` ordered by their weight for `key`, best first (ties by name). */
export function rendezvous(key: string, nodes: readonly string[]): string[] {
  const weighted = nodes.map((node) => ({ node, w: hash32(`${node}\n${key}`) }));
  weighted.sort((a, b) => b.w - a.w || (a.node < b.node ? -1 : 1));
  return weighted.map((x) => x.node);
}
