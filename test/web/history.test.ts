import { describe, expect, it } from 'vitest';
import { addVersion, current, selectVersion, startHistory, undo } from '../../edge/public/js/history.js';

describe('version history', () => {
  const h1 = startHistory('s1', { version: 1, image: 'v1.png', note: 'circle' });

  it('starts at version 1 with no undo', () => {
    expect(current(h1)).toEqual({ version: 1, image: 'v1.png', parent: null, note: 'circle' });
    expect(undo(h1)).toBeNull();
  });

  it('selects each new version, and undo goes back to the version it was edited from', () => {
    const h2 = addVersion(h1, { version: 2, image: 'v2.png' });
    expect(h2.selected).toBe(2);
    expect(current(h2).parent).toBe(1);
    const back = undo(h2);
    expect(back?.selected).toBe(1);
    expect(back?.versions.map((v) => v.version)).toEqual([1, 2]); // undo forgets nothing
  });

  it('edits the selected version next: an edit after undo branches from it', () => {
    const h2 = addVersion(h1, { version: 2, image: 'v2.png' });
    const h3 = addVersion(selectVersion(h2, 1), { version: 3, image: 'v3.png' });
    expect(current(h3)).toMatchObject({ version: 3, parent: 1 });
    expect(undo(h3)?.selected).toBe(1);
    expect(current(selectVersion(h3, 2)).image).toBe('v2.png');
  });

  it('leaves the history it was given unchanged', () => {
    const before = JSON.stringify(h1);
    addVersion(h1, { version: 2, image: 'v2.png' });
    expect(JSON.stringify(h1)).toBe(before);
  });

  it('refuses unknown and duplicate versions', () => {
    expect(() => selectVersion(h1, 9)).toThrow(/version 9/);
    expect(() => addVersion(h1, { version: 1, image: 'x' })).toThrow(/already/);
  });
});
