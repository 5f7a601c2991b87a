/**
 * Session states signed by the node fleet: HMAC-SHA256 over the payload with
 * the fleet's state key, so a client can hand a state back but cannot forge
 * or alter one. Rotation works like the node token's: states are signed with
 * the current key and accepted under the current or the next one.
 * Layout: "RSS1" | 32-byte HMAC of "RSS1" + payload | payload.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EngineError } from '../types';

/** The fleet's state keys (RAS_STATE_KEY, RAS_STATE_KEY_NEXT). */
export interface StateKeys {
  /** Signs every state handed out; also accepted. */
  current: string;
  /** Accepted too, during a rotation. */
  next?: string;
}

/** Shortest accepted key, in characters (`openssl rand -hex 32` gives 64). */
export const MIN_STATE_KEY_LENGTH = 32;

const MAGIC = Buffer.from('RSS1');
const MAC_BYTES = 32;

const refused = (code: 'INVALID_ARGUMENT' | 'PERMISSION_DENIED', why: string) =>
  new EngineError(code, `restore_state: ${why}`, 'restore_state');

export class StateSigner {
  private readonly keys: Buffer[];

  /** @throws Error when a key is shorter than MIN_STATE_KEY_LENGTH. */
  constructor(keys: StateKeys) {
    const list = [keys.current, keys.next].filter((k): k is string => k !== undefined);
    for (const k of list)
      if (k.length < MIN_STATE_KEY_LENGTH) throw new Error(`state keys need ${MIN_STATE_KEY_LENGTH}+ characters`);
    this.keys = list.map((k) => Buffer.from(k, 'utf8'));
  }

  /** A signer with a random key: states stay valid on this process only (local development). */
  static ephemeral(): StateSigner {
    return new StateSigner({ current: randomBytes(32).toString('hex') });
  }

  /** `payload` with its signature under the current key. */
  sign(payload: Uint8Array): Uint8Array {
    return Buffer.concat([MAGIC, this.mac(this.keys[0], payload), payload]);
  }

  /**
   * The payload of a state this fleet signed. INVALID_ARGUMENT when `state`
   * is not a signed state at all (truncated, another format); PERMISSION_DENIED
   * when its signature matches no key (forged, altered, or another fleet's).
   */
  verify(state: Uint8Array): Uint8Array {
    const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
    if (bytes.length <= MAGIC.length + MAC_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
      throw refused('INVALID_ARGUMENT', 'not a session state from a Result (truncated or another format)');
    const mac = bytes.subarray(MAGIC.length, MAGIC.length + MAC_BYTES);
    const payload = bytes.subarray(MAGIC.length + MAC_BYTES);
    if (!this.keys.some((k) => timingSafeEqual(this.mac(k, payload), mac)))
      throw refused('PERMISSION_DENIED', 'not signed by this node fleet (altered, forged, or a different state key)');
    return payload;
  }

  private mac(key: Buffer, payload: Uint8Array): Buffer {
    return createHmac('sha256', key).update(MAGIC).update(payload).digest();
  }
}
