/** The worker's Hono environment: the bindings `wrangler types` generates, and per-request variables. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** SHA-256 (hex) of the caller's API key: sessions and rate limits are keyed by it, never by the key. */
    keyHash: string;
  };
};
