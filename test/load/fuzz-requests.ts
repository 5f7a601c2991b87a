/**
 * fast-check arbitraries for HTTP requests to the edge: methods, paths (the
 * API's own, with real and hostile session ids, and random ones), auth
 * headers, content types, and bodies (random JSON, text, valid bodies with
 * one field set to a nasty value or removed, huge numbers, oversize bodies).
 * A valid body changes one field at most, so any request that happens to be
 * valid stays cheap to serve. Weights favour requests that get past auth.
 */
import fc from 'fast-check';

/** One request, as sent. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Over the edge's 512 KiB body limit. */
export const OVERSIZE = 600 * 1024;

/** Raw number literals JSON.stringify cannot write: spliced in for these markers. */
const HUGE = ['1e400', '-1e400', '123456789012345678901234567890', '1e-400', '-0', '4294967296', '9007199254740993'];
const marker = (i: number) => `__huge_${i}__`;
const spliceHuge = (json: string) => json.replace(/"__huge_(\d+)__"/g, (_, i) => HUGE[Number(i)]);

const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }));
/** Header-safe text (undici's fetch refuses control characters, and non-ASCII in some headers). */
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  text,
  fc.integer({ min: 0, max: HUGE.length - 1 }).map(marker),
  fc.constantFrom(-1, 0, 0.5, 2 ** 32, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, null, true, [], {}),
  fc.double(),
);

/** A valid body with at most one field replaced by a nasty value or deleted, maybe an unknown one added. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = [...Object.keys(valid), 'stream', 'timeoutMs', 'preview', 'ras', 'rects', 'mask', 'version'];
  const change = fc.oneof(
    fc.constant(undefined),
    fc.record({ key: fc.constantFrom(...keys), value: nasty }),
    fc.record({ key: fc.constantFrom(...keys) }),
  );
  return fc.tuple(change, fc.option(fc.tuple(text, nasty), { freq: 4 })).map(([c, extra]) => {
    const body: Record<string, unknown> = { ...valid };
    if (c && 'value' in c) body[c.key] = c.value;
    else if (c) delete body[c.key];
    if (extra) body[extra[0]] = extra[1];
    return spliceHuge(JSON.stringify(body));
  });
}

/** Request paths: mostly the API's, with session ids real (`own`, or another key's) and hostile; some random. */
function paths(own: string, sessions: string[]): fc.Arbitrary<string> {
  const id = fc.oneof(
    { arbitrary: fc.constant(own), weight: 4 },
    fc.constantFrom(...sessions),
    fc.constantFrom('..', '%2e%2e', '%00', 'a'.repeat(300), own.toUpperCase()),
    text.map(encodeURIComponent),
  );
  const fixed = ['/v1/models', '/healthz', '/v1/sessions', '/v1', '/v1/', '/v2/generations'];
  return fc.oneof(
    { arbitrary: fc.constant('/v1/generations'), weight: 4 },
    { arbitrary: id.map((s) => `/v1/sessions/${s}/edits`), weight: 3 },
    { arbitrary: id.map((s) => `/v1/sessions/${s}`), weight: 1 },
    { arbitrary: fc.constantFrom(...fixed), weight: 1 },
    { arbitrary: fc.webPath().map((p) => `/v1/${p.replace(/^\/+/, '')}`), weight: 1 },
    { arbitrary: fc.webPath().map((p) => `/${p.replace(/^\/+/, '')}`), weight: 1 },
  );
}

/** Authorization headers: mostly the caller's valid key, else missing, malformed or unknown. */
function auths(key: string): fc.Arbitrary<string | null> {
  const auth = fc.oneof(
    { arbitrary: fc.constant(`Bearer ${key}`), weight: 12 },
    fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer x y', `Basic ${btoa('a:b')}`, `Bearer ${key}x`),
    ascii.map((s) => `Bearer ${s}`),
    ascii,
  );
  return fc.option(auth, { freq: 30 });
}

/** Requests against an edge that holds `sessions[i]`, owned by `keys[i]`; each from one of the keys. */
export function fuzzRequests(sessions: string[], keys: string[]): fc.Arbitrary<FuzzRequest> {
  const generation = { model: 'test-tiny', condition: { classId: 1 }, seed: 1, steps: 2, width: 16, height: 16 };
  const edit = { rects: [{ x: 0, y: 0, width: 4, height: 4 }], seed: 2 };
  const contentType = fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 6 },
    fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'multipart/form-data', ''),
  );
  const body = fc.oneof(
    { arbitrary: mutated(generation), weight: 4 },
    { arbitrary: mutated(edit), weight: 3 },
    { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
    { arbitrary: text, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant(`{"model":"${'x'.repeat(OVERSIZE)}"}`), weight: 1 },
  );
  const method = fc.oneof(
    { arbitrary: fc.constant('POST'), weight: 6 },
    { arbitrary: fc.constantFrom('GET', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'), weight: 2 },
  );
  const request = fc
    .integer({ min: 0, max: keys.length - 1 })
    .chain((k) => fc.record({ method, path: paths(sessions[k], sessions), auth: auths(keys[k]), contentType, body }));
  return request.map((r) => {
    const headers: Record<string, string> = {};
    if (r.auth !== null) headers.authorization = r.auth;
    if (r.contentType) headers['content-type'] = r.contentType;
    // Bodies go to every path, static-asset ones too (`/`: the assets layer answers 405 without
    // reading the body); fetch sends none with GET or HEAD.
    const hasBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
    return { method: r.method, path: r.path, headers, body: hasBody ? r.body : undefined };
  });
}
