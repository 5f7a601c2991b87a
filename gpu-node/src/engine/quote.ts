/**
 * How error messages quote what a client sent: at most a few dozen
 * characters, so a huge input never becomes a huge status message (stock
 * gRPC clients cap metadata at 8 KiB and report more as RESOURCE_EXHAUSTED).
 */

/** Characters of an input an error message repeats. */
export const MAX_QUOTED = 64;

/** `value` as JSON text, cut to MAX_QUOTED characters with its length noted when longer. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  if (text.length <= MAX_QUOTED) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_QUOTED))}… (${text.length} characters)`;
}
