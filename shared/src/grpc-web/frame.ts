/**
 * gRPC-Web framing (grpc/doc/PROTOCOL-WEB.md), runtime-neutral: Uint8Array
 * only, so the GPU node (Node) and the edge worker (workerd) share it.
 * A frame is 1 flag byte, a 4-byte big-endian length, then the payload;
 * flag 0x80 marks the trailers frame (HTTP/1-style header lines).
 */

/** Flag bits of a frame's first byte. */
export const FrameFlag = { DATA: 0x00, COMPRESSED: 0x01, TRAILERS: 0x80 } as const;

/** One decoded frame. */
export interface Frame {
  flags: number;
  payload: Uint8Array;
}

/** Malformed or oversized framing. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

/** Frames `payload` with `flags` (a data frame by default). */
export function encodeFrame(payload: Uint8Array, flags: number = FrameFlag.DATA): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = flags;
  new DataView(out.buffer).setUint32(1, payload.length, false);
  out.set(payload, 5);
  return out;
}

/** The trailers frame for `trailers` (keys are sent lower-case). */
export function encodeTrailers(trailers: Record<string, string>): Uint8Array {
  const text = Object.entries(trailers)
    .map(([k, v]) => `${k.toLowerCase()}: ${v}\r\n`)
    .join('');
  return encodeFrame(new TextEncoder().encode(text), FrameFlag.TRAILERS);
}

/** Parses a trailers frame's payload into lower-case keys. */
export function decodeTrailers(payload: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of new TextDecoder().decode(payload).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

/** Percent-encodes a `grpc-message` value (printable ASCII except '%' passes). */
export function encodeGrpcMessage(message: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(message)) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decodes a percent-encoded `grpc-message` value. */
export function decodeGrpcMessage(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Splits a byte stream into frames, however the chunks fall. */
export class FrameReader {
  private buffer = new Uint8Array(0);

  /** @param maxPayload the largest payload accepted (bytes); larger throws FrameError. */
  constructor(private readonly maxPayload = 4 * 1024 * 1024) {}

  /** Bytes received that do not yet make a whole frame. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Adds `chunk`; returns the frames it completed. */
  push(chunk: Uint8Array): Frame[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const frames: Frame[] = [];
    let at = 0;
    while (joined.length - at >= 5) {
      const length = new DataView(joined.buffer, joined.byteOffset + at + 1, 4).getUint32(0, false);
      if (length > this.maxPayload) throw new FrameError(`frame of ${length} bytes exceeds ${this.maxPayload}`);
      if (joined.length - at - 5 < length) break;
      frames.push({ flags: joined[at], payload: joined.slice(at + 5, at + 5 + length) });
      at += 5 + length;
    }
    this.buffer = joined.slice(at);
    return frames;
  }
}
