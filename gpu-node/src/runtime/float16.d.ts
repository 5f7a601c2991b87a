/** float32 values -> their nearest IEEE 754 halves (round to nearest even). */
export function toFloat16(values: ArrayLike<number>): Uint16Array;
/** IEEE 754 halves -> float32. */
export function fromFloat16(halves: ArrayLike<number>): Float32Array;
