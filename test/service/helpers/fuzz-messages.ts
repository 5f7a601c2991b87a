/**
 * fast-check arbitraries for RasSampler requests at the gRPC level: for each
 * RPC, random bytes, a valid message with bytes flipped or cut, and messages
 * with hostile fields (huge strings, path-like and malformed session ids,
 * forged, altered, truncated or foreign session states, extreme numbers).
 * Sampling stays cheap: a request that happens to be valid runs at most a few
 * steps on a small image, or hits the call's deadline.
 */

import { type RasSamplerMethod, ras } from '@ras/shared';
import fc from 'fast-check';

/** What the fuzzer may name: sessions and states made before it starts. */
export interface FuzzWorld {
  /** A session requests may edit or delete. */
  target: string;
  /** States of real sessions (the target's and the untouchable one's). */
  states: Uint8Array[];
}

/** One call: the method and the request bytes as sent. */
export interface FuzzCall {
  method: RasSamplerMethod;
  bytes: Uint8Array;
}

const HUGE = 'x'.repeat(100_000);
const huge = fc.constantFrom(HUGE, '\u{1F600}'.repeat(20_000));
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), huge);
const u32 = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 8 }),
  fc.constantFrom(0, 1, 7, 64, 4096, 2 ** 31, 2 ** 32 - 1),
);
const f64 = fc.oneof(fc.double(), fc.constantFrom(0, -1, 0.5, 1, 1e308, Number.NaN, Number.POSITIVE_INFINITY));
const steps = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(1000, 1001, 2 ** 32 - 1));
const side = fc.oneof(fc.constantFrom(0, 2, 8, 12, 7, 64, 4096, 2 ** 32 - 1), fc.integer({ min: 0, max: 16 }));

const condition = fc.oneof(
  fc.record({ classId: u32 }),
  fc.record({ label: fc.oneof(text, fc.constantFrom('0', '3', ' 1 ')) }),
  fc.constant({}),
);

/** RAS settings with one or two fields set (so a single bad value is what the node judges). */
const rasSettings = fc.constant(null).chain(() =>
  offBy<ras.v1.RasSettings.$Properties>(
    {},
    {
      policy: fc.oneof(fc.constantFrom('std', 'l2norm', 'random', 'dense'), text),
      ratio: f64,
      ramp: fc.record({ from: f64, to: f64 }),
      warmup: u32,
      resets: fc.record({ steps: fc.array(u32, { maxLength: 5 }) }),
      starvationScale: f64,
      highRatio: f64,
      maxStale: u32,
    },
  ),
);

const preview = fc.record({ every: u32, maxSide: u32, format: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] });

/** `base` with one to `most` of `fields` replaced by their arbitraries (so most requests get past the decoder). */
function offBy<T extends object>(base: T, fields: Record<string, fc.Arbitrary<unknown>>, most = 2): fc.Arbitrary<T> {
  const entries = Object.entries(fields);
  return fc
    .subarray(entries, { minLength: 0, maxLength: most })
    .chain((chosen) => fc.tuple(...chosen.map(([k, a]) => a.map((v) => [k, v] as const))))
    .map((pairs) => ({ ...base, ...Object.fromEntries(pairs) }) as T);
}

function generateRequest(): fc.Arbitrary<ras.v1.GenerateRequest.$Properties> {
  const base = { model: 'test-tiny', condition: { classId: 1 }, seed: 3, steps: 2 };
  return offBy(base, {
    model: text,
    condition,
    negative: condition,
    guidance: f64,
    seed: u32,
    steps,
    width: side,
    height: side,
    ras: rasSettings,
    preview,
  });
}

/** Bytes that claim to be a state: real, altered, cut, forged, foreign, random, oversize. */
function state(world: FuzzWorld): fc.Arbitrary<Uint8Array> {
  const real = fc.constantFrom(...world.states);
  // A real state's JSON with another id, unsigned: what a client can make by hand.
  const forged = fc
    .tuple(real, fc.constantFrom('../escape-x', '..', '/tmp/ras-escape', world.target))
    .map(([bytes, id]) => {
      const text = Buffer.from(bytes).toString('utf8');
      const json = JSON.parse(text.startsWith('RSS1') ? Buffer.from(bytes).subarray(36).toString('utf8') : text);
      return new TextEncoder().encode(JSON.stringify({ ...json, id }));
    });
  return fc.oneof(
    real,
    fc.tuple(real, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([s, at, x]) => {
      const out = Uint8Array.from(s);
      out[at % out.length] ^= x;
      return out;
    }),
    fc.tuple(real, fc.nat()).map(([s, n]) => s.subarray(0, n % s.length)),
    forged,
    fc.uint8Array({ maxLength: 200 }),
    fc.constant(new Uint8Array(300 * 1024).fill(0x7b)),
  );
}

function sessionId(world: FuzzWorld): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(world.target, '00000000-0000-4000-8000-000000000000', '..', '.', '../escape-x', '/etc', 'a/b'),
    fc.uuid().map((u) => u.toUpperCase()),
    text,
  );
}

/** Re-homing: a valid edit of some id, carrying some state. */
function adoption(world: FuzzWorld): fc.Arbitrary<ras.v1.EditRequest.$Properties> {
  return fc.record({
    sessionId: sessionId(world),
    rects: fc.constant([{ x: 0, y: 0, width: 4, height: 4 }]),
    restoreState: state(world),
  });
}

function editRequest(world: FuzzWorld): fc.Arbitrary<ras.v1.EditRequest.$Properties> {
  const rect = fc.record({ x: u32, y: u32, width: u32, height: u32 }, { requiredKeys: [] });
  const mask = fc.record({ width: u32, height: u32, data: fc.uint8Array({ maxLength: 128 }) }, { requiredKeys: [] });
  const base = { sessionId: world.target, rects: [{ x: 0, y: 0, width: 4, height: 4 }] };
  const fields = {
    sessionId: sessionId(world),
    version: u32,
    rects: fc.array(rect, { maxLength: 3 }),
    mask,
    margin: u32,
    condition,
    seed: u32,
    ras: rasSettings,
    preview,
    restoreState: state(world),
  };
  return offBy(base, fields, 3);
}

const encode =
  <T>(type: { encode(m: T): { finish(): Uint8Array } }) =>
  (m: T) =>
    type.encode(m).finish();

/** A valid-looking message's bytes, maybe with a byte flipped or the tail cut. */
function damaged(bytes: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    bytes,
    fc.tuple(bytes, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([b, at, x]) => {
      if (!b.length) return b;
      const out = Uint8Array.from(b);
      out[at % out.length] ^= x;
      return out;
    }),
    fc.tuple(bytes, fc.nat()).map(([b, n]) => b.subarray(0, b.length ? n % b.length : 0)),
  );
}

/** One call to any RPC of the service. */
export function fuzzCalls(world: FuzzWorld): fc.Arbitrary<FuzzCall> {
  const sessionReq = sessionId(world).map((id) => ({ sessionId: id }));
  const messages: Record<RasSamplerMethod, fc.Arbitrary<Uint8Array>> = {
    Generate: generateRequest().map(encode(ras.v1.GenerateRequest)),
    Edit: fc.oneof(editRequest(world), adoption(world)).map(encode(ras.v1.EditRequest)),
    GetSession: sessionReq.map(encode(ras.v1.GetSessionRequest)),
    DeleteSession: sessionReq.map(encode(ras.v1.DeleteSessionRequest)),
    ListModels: fc.constant(encode(ras.v1.ListModelsRequest)({})),
  };
  return fc.oneof(
    ...Object.entries(messages).map(([method, bytes]) =>
      fc.record({
        method: fc.constant(method as RasSamplerMethod),
        bytes: fc.oneof(
          { weight: 4, arbitrary: damaged(bytes) },
          { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
        ),
      }),
    ),
  );
}
