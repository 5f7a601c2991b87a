/** The edge's request limits. */

/** Largest request body accepted (a 512×512 mask in base64 fits). */
export const MAX_BODY_BYTES = 512 * 1024;

/** Deadline of a generation or edit when the body sets none. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Deadline of the small unary node calls (models, delete). */
export const UNARY_TIMEOUT_MS = 10_000;

/** The rate-limit binding's window (wrangler.toml `simple.period`). */
export const RATE_PERIOD_S = 60;
