import { describe, expect, it } from 'vitest';
import { checkPublicJs, staleDeclarations } from './public-types';

describe("the page's JavaScript", () => {
  it('type-checks (JSDoc, strict, DOM)', () => {
    expect(checkPublicJs()).toEqual([]);
  });

  it('has current declarations for the modules the tests import (npx tsx test/web/public-types.ts --write)', () => {
    expect(staleDeclarations()).toEqual([]);
  });
});
