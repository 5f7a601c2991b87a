/**
 * The command line's values, parsed for commander: each parser throws
 * commander's InvalidArgumentError, which it reports with the option's name.
 */
import { InvalidArgumentError } from 'commander';
import type { Condition, Rect } from './backend';

/** An integer in [min, max]. */
export function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max)
      throw new InvalidArgumentError(`expected an integer in ${min}..${max}, got "${value}"`);
    return n;
  };
}

/** A number in (0, 1]. */
export function ratio(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1)
    throw new InvalidArgumentError(`expected a number in (0, 1], got "${value}"`);
  return n;
}

/** "x,y,w,h" in pixels; collected, so `--rect` may be given again. */
export function rect(value: string, previous: Rect[] = []): Rect[] {
  const parts = value.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => !/^\d+$/.test(p)) || nums[2] < 1 || nums[3] < 1)
    throw new InvalidArgumentError(`expected x,y,w,h in whole pixels with w, h >= 1, got "${value}"`);
  const [x, y, width, height] = nums;
  return [...previous, { x, y, width, height }];
}

/** "WxH" (or "W×H") in pixels. */
export function size(value: string): { width: number; height: number } {
  const m = /^(\d+)\s*[x×]\s*(\d+)$/i.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new InvalidArgumentError(`expected WIDTHxHEIGHT, got "${value}"`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** A class label ("red circle"), or a class id given as a number. */
export function condition(value: string): Condition {
  const text = value.trim();
  if (!text) throw new InvalidArgumentError('expected a class label or a class id');
  return /^\d+$/.test(text) ? { classId: Number(text) } : { label: text };
}

/** "host:port" of a node's native gRPC port. */
export function target(value: string): string {
  if (!/^[\w.-]+:\d{1,5}$|^\[[\d:a-f]+\]:\d{1,5}$/i.test(value.trim()))
    throw new InvalidArgumentError(`expected HOST:PORT, got "${value}"`);
  return value.trim();
}
