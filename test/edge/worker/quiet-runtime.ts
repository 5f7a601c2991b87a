/**
 * Keeps the test output to what a person needs: drops the workerd runtime's
 * `info:` lines (with their `stack:` line) and the pool's `[vpw:debug]` /
 * `[vpw:info]` lines. vitest-pool-workers runs workerd verbose and pipes it
 * to this process with its own handler, which the config cannot replace;
 * the info lines report normal operation (a 413 sent before the body was
 * read, a client that went away). Warnings and errors pass untouched.
 */

const NOISE = [/^workerd\/\S+: info: /, /^\[vpw:(debug|info)\] /];
const STACK = /^stack: \S*workerd@/;

/** A filter for whole lines of one stream: false drops the line. */
export function lineFilter(): (line: string) => boolean {
  let dropping = false; // inside an info line's continuation (its stack line)
  return (line) => {
    if (NOISE.some((re) => re.test(line))) {
      dropping = true;
      return false;
    }
    if (dropping && STACK.test(line)) return false;
    dropping = false;
    return true;
  };
}

/** Wraps `stream.write` so the noise lines never reach the terminal. */
function quiet(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  const keep = lineFilter();
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    if (!text.includes('workerd/') && !text.includes('[vpw:')) return write(chunk, ...rest);
    const kept = text.split(/(?<=\n)/).filter((line) => keep(line.replace(/\n$/, '')));
    return kept.length ? write(kept.join(''), ...rest) : true;
  }) as typeof stream.write;
}

/** Quiets this process's stdout and stderr (the vitest main process, where the pool writes). */
export function quietRuntime(): void {
  quiet(process.stdout);
  quiet(process.stderr);
}
