import { describe, expect, it } from 'vitest';
import { lineFilter } from './worker/quiet-runtime';

describe("the edge tests' output filter", () => {
  it("drops workerd's info lines with their stack line and the pool's debug lines, and nothing else", () => {
    const keep = lineFilter();
    const lines = [
      '[vpw:debug] Adding `enable_nodejs_tty_module` compatibility flag',
      "workerd/io/io-context.c++:435: info: uncaught exception; exception = Can't read from request stream",
      'stack: /x/node_modules/@cloudflare/workerd-linux-64/bin/workerd@1f2e6b0 /x/workerd@2d78ab4',
      'workerd/server/server.c++:100: error: something real',
      'stack: /x/node_modules/@cloudflare/workerd-linux-64/bin/workerd@1f2e6b0',
      ' ✓ |edge| test/models.test.ts (2 tests)',
    ];
    expect(lines.filter(keep)).toEqual(lines.slice(3));
  });
});
