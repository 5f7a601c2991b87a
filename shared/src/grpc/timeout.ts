/**
 * The `grpc-timeout` header (grpc/doc/PROTOCOL-HTTP2.md): up to 8 digits and
 * a unit, H M S m u n. gRPC-Web carries it as a plain HTTP header.
 */
const UNIT_MS: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 1e-3, n: 1e-6 };

/** Milliseconds of a `grpc-timeout` value, or undefined when absent or malformed. */
export function parseGrpcTimeout(value: string | null | undefined): number | undefined {
  const m = /^(\d{1,8})([HMSmun])$/.exec(value?.trim() ?? '');
  return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
}

/** A `grpc-timeout` value for `ms` milliseconds (rounded up to whole ms, at least 1). */
export function formatGrpcTimeout(ms: number): string {
  const whole = Math.max(1, Math.ceil(ms));
  return whole < 1e8 ? `${whole}m` : `${Math.ceil(whole / 1000)}S`;
}
