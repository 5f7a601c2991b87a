/**
 * The pieces the transports share: gRPC-Web framing, grpc-timeout, and the
 * one mapping from failures to statuses.
 */

import { readFileSync } from 'node:fs';
import {
  decodeGrpcMessage,
  decodeTrailers,
  encodeFrame,
  encodeGrpcMessage,
  encodeTrailers,
  FrameError,
  FrameFlag,
  FrameReader,
  formatGrpcTimeout,
  parseGrpcTimeout,
  Status,
} from '@ras/shared';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../gpu-node/src/engine/types';
import { PROTO_DIR } from '../../gpu-node/src/service/grpc/definition';
import { protoFieldPath, toRpcError } from '../../gpu-node/src/service/status';

describe('gRPC-Web framing', () => {
  it('splits frames however the bytes are chunked', () => {
    const stream = new Uint8Array([
      ...encodeFrame(new Uint8Array([1, 2, 3])),
      ...encodeFrame(new Uint8Array(0)),
      ...encodeTrailers({ 'grpc-status': String(Status.OK) }),
    ]);
    const reader = new FrameReader();
    const frames = [...stream].flatMap((byte) => reader.push(new Uint8Array([byte])));
    expect(frames.map((f) => f.flags)).toEqual([FrameFlag.DATA, FrameFlag.DATA, FrameFlag.TRAILERS]);
    expect([...frames[0].payload]).toEqual([1, 2, 3]);
    expect(decodeTrailers(frames[2].payload)).toEqual({ 'grpc-status': String(Status.OK) });
    expect(reader.pending).toBe(0);
  });

  it('refuses a frame larger than its limit before buffering it', () => {
    const header = encodeFrame(new Uint8Array(0));
    new DataView(header.buffer).setUint32(1, 1 << 30);
    expect(() => new FrameReader(1024).push(header)).toThrow(FrameError);
  });

  it('percent-encodes grpc-message and decodes it back', () => {
    const message = 'ras.ratio: must be in (0, 1], got 150% — ✗';
    const encoded = encodeGrpcMessage(message);
    expect(encoded).toMatch(/^[\x20-\x7e]*$/);
    expect(decodeGrpcMessage(encoded)).toBe(message);
  });
});

describe('grpc-timeout', () => {
  it('reads every unit and rejects malformed values', () => {
    expect(parseGrpcTimeout('200m')).toBe(200);
    expect(parseGrpcTimeout('2S')).toBe(2000);
    expect(parseGrpcTimeout('1M')).toBe(60_000);
    expect(parseGrpcTimeout('1H')).toBe(3_600_000);
    expect(parseGrpcTimeout('5000u')).toBe(5);
    for (const bad of [undefined, '', '10', '123456789S', '-1S', '1.5S']) expect(parseGrpcTimeout(bad)).toBeUndefined();
    expect(parseGrpcTimeout(formatGrpcTimeout(1234.2))).toBe(1235);
  });
});

describe('status mapping', () => {
  it('renames engine fields to proto paths in INVALID_ARGUMENT messages', () => {
    const e = new EngineError('INVALID_ARGUMENT', 'ras.highRatio: must be in [0, 1], got 2', 'ras.highRatio');
    expect(toRpcError(e)).toMatchObject({
      code: Status.INVALID_ARGUMENT,
      message: 'ras.high_ratio: must be in [0, 1], got 2',
    });
    expect(protoFieldPath('cond')).toBe('condition');
  });

  it('carries the retry hint of RESOURCE_EXHAUSTED as retry-after-ms', () => {
    const e = new EngineError('RESOURCE_EXHAUSTED', 'queue full', undefined, 1234.5);
    expect(toRpcError(e)).toEqual({
      code: Status.RESOURCE_EXHAUSTED,
      message: 'queue full',
      trailers: { 'retry-after-ms': '1235' },
    });
  });

  it('hides internal errors behind a generic message and logs them', () => {
    const logged: unknown[] = [];
    for (const err of [
      new Error('ENOENT /secret/path\n    at foo (bar.ts:1:1)'),
      new EngineError('INTERNAL', 'internal error: x'),
    ]) {
      expect(toRpcError(err, undefined, (e) => logged.push(e))).toEqual({
        code: Status.INTERNAL,
        message: 'internal error',
        trailers: {},
      });
    }
    expect(logged).toHaveLength(2);
  });

  it('reports why the call stopped when its own signal aborted', () => {
    const controller = new AbortController();
    controller.abort(new EngineError('DEADLINE_EXCEEDED', 'deadline exceeded'));
    expect(toRpcError(new EngineError('CANCELLED', 'sampling cancelled'), controller.signal).code).toBe(
      Status.DEADLINE_EXCEEDED,
    );
  });
});

describe('the proto', () => {
  it('has no 64-bit integer fields (protobufjs would decode them as Long objects)', () => {
    const proto = readFileSync(`${PROTO_DIR}/ras/v1/ras.proto`, 'utf8').replace(/\/\/.*$/gm, '');
    expect(proto).not.toMatch(/\b(u?int64|s?fixed64|sint64)\b/);
  });
});
