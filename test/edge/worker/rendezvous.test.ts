import { describe, expect, it } from 'vitest';
import { rendezvous } from '../../../edge/src/nodes/rendezvous';

const NODES = ['http://a:1', 'http://b:1', 'http://c:1'];
const KEYS = Array.from({ length: 600 }, (_, i) => `session-${i}`);

describe('rendezvous hashing', () => {
  it('ranks every node once, whatever order they are configured in', () => {
    for (const key of KEYS.slice(0, 20)) {
      const order = rendezvous(key, NODES);
      expect([...order].sort()).toEqual([...NODES].sort());
      expect(rendezvous(key, [...NODES].reverse())).toEqual(order);
    }
  });

  it('spreads keys over the nodes roughly evenly', () => {
    const counts = new Map<string, number>();
    for (const key of KEYS) counts.set(rendezvous(key, NODES)[0], (counts.get(rendezvous(key, NODES)[0]) ?? 0) + 1);
    for (const node of NODES) expect(counts.get(node)).toBeGreaterThan(KEYS.length * 0.25);
  });

  it('moves only the keys of a removed node, each to its second choice', () => {
    const without = NODES.filter((n) => n !== 'http://b:1');
    for (const key of KEYS) {
      const [first, second] = rendezvous(key, NODES);
      expect(rendezvous(key, without)[0]).toBe(first === 'http://b:1' ? second : first);
    }
  });
});
