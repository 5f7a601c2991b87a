import { describe, expect, it } from 'vitest';
import { startingKey } from '../../edge/public/js/key.js';
import { offeredModels, parseSize } from '../../edge/public/js/models.js';

type Args = Parameters<typeof startingKey>;

function browser(hash: string, stored: string | null) {
  const items = new Map<string, string>(stored === null ? [] : [['ras.apiKey', stored]]);
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  } as unknown as Args[1];
  const replaced: string[] = [];
  const history = {
    replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url),
  } as unknown as Args[2];
  const loc = { hash, pathname: '/', search: '?a=1' } as unknown as Args[0];
  return { storage, history, loc, items, replaced };
}

describe('the API key the page starts with', () => {
  it('comes from the link npm start prints, is kept, and leaves the address bar', () => {
    const b = browser('#key=dev-key', 'old');
    expect(startingKey(b.loc, b.storage, b.history)).toBe('dev-key');
    expect(b.items.get('ras.apiKey')).toBe('dev-key');
    expect(b.replaced).toEqual(['/?a=1']);
  });

  it('else is the one this browser kept, or none', () => {
    const kept = browser('', 'kept-key');
    expect(startingKey(kept.loc, kept.storage, kept.history)).toBe('kept-key');
    expect(kept.replaced).toEqual([]);
    const none = browser('#other=1', null);
    expect(startingKey(none.loc, none.storage, none.history)).toBe('');
  });
});

describe('the models the page offers', () => {
  it('are those that serve some size well (not a random-weight test model)', () => {
    const models = [
      { name: 'test-tiny', sizes: [] },
      { name: 'shapes-dit', sizes: [{ width: 32, height: 32 }] },
    ];
    expect(offeredModels(models).map((m) => m.name)).toEqual(['shapes-dit']);
    expect(parseSize('32x16')).toEqual({ width: 32, height: 16 });
    expect(parseSize('')).toBeNull();
  });
});
