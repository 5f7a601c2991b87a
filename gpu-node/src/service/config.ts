/**
 * The GPU node's configuration from the environment; every bad value is
 * reported by its variable's name before anything starts.
 */
import { MIN_STATE_KEY_LENGTH, type StateKeys } from '../engine/sessions/state-signer';

/** What `main` needs to start the node. */
export interface NodeConfig {
  /** Interface to bind (GPU_NODE_HOST, default 127.0.0.1). */
  host: string;
  /** Native gRPC port (GPU_NODE_PORT, default 50051). */
  port: number;
  /** gRPC-Web port (GPU_NODE_WEB_PORT, default 50052). */
  webPort: number;
  /**
   * Accepted node tokens: RAS_NODE_TOKEN, plus RAS_NODE_TOKEN_NEXT during a
   * rotation; empty: open node, local dev only.
   */
  tokens: string[];
  /**
   * Keys that sign session states: RAS_STATE_KEY signs and is accepted,
   * RAS_STATE_KEY_NEXT is accepted too during a rotation; every node of a
   * fleet needs the same. Absent: a random key per process (local dev only).
   */
  stateKeys?: StateKeys;
  /** Session memory budget in bytes (RAS_SESSION_MEMORY_BYTES, default 512 MiB). */
  sessionMemoryBytes?: number;
  /** Session disk budget in bytes (RAS_SESSION_DISK_BYTES, default 4 GiB). */
  sessionDiskBytes?: number;
  /** Idle session lifetime (RAS_SESSION_TTL_MS, default 1 h). */
  sessionTtlMs?: number;
  /** How long running calls may finish after SIGTERM (RAS_DRAIN_GRACE_MS, default 5000). */
  drainGraceMs: number;
  /** Session cache spill directory (RAS_CACHE_DIR, default .cache/sessions). */
  cacheDir?: string;
  /** Samplings at once (RAS_MAX_CONCURRENT). */
  maxConcurrent?: number;
  /** Waiting requests before RESOURCE_EXHAUSTED (RAS_MAX_QUEUE). */
  maxQueue?: number;
  /** onnxruntime execution providers in order (RAS_EXECUTION_PROVIDERS, e.g. "cuda,cpu"; default cpu). */
  executionProviders: string[];
  /** onnxruntime intra-op threads (RAS_INTRA_OP_THREADS; default 0 = all cores). */
  intraOpThreads?: number;
  /** Directory of `<name>/model.json` models to serve (RAS_MODELS_DIR; default the committed gpu-node/models/). */
  modelsDir?: string;
  /**
   * The model ListModels names first, which clients offer first (RAS_DEFAULT_MODEL; the node refuses to
   * start when it serves no such model). Absent: the embedded default, `DEFAULT_MODEL`, when served.
   */
  defaultModel?: string;
}

const EXECUTION_PROVIDERS = ['cpu', 'cuda', 'tensorrt', 'dml', 'coreml', 'webgpu'];

function providers(env: NodeJS.ProcessEnv): string[] {
  const raw = env.RAS_EXECUTION_PROVIDERS?.trim();
  if (!raw) return ['cpu'];
  const list = raw.split(',').map((p) => p.trim().toLowerCase());
  for (const p of list) {
    if (!EXECUTION_PROVIDERS.includes(p)) {
      throw new Error(`RAS_EXECUTION_PROVIDERS: unknown provider "${p}"; use ${EXECUTION_PROVIDERS.join(', ')}`);
    }
  }
  return list;
}

function stateKeys(env: NodeJS.ProcessEnv): StateKeys | undefined {
  const current = env.RAS_STATE_KEY?.trim();
  const next = env.RAS_STATE_KEY_NEXT?.trim() || undefined;
  if (!current) {
    if (next) throw new Error('RAS_STATE_KEY_NEXT is set but RAS_STATE_KEY is not; set both during a rotation');
    return undefined;
  }
  for (const [name, key] of [
    ['RAS_STATE_KEY', current],
    ['RAS_STATE_KEY_NEXT', next],
  ] as const) {
    if (key !== undefined && key.length < MIN_STATE_KEY_LENGTH)
      throw new Error(
        `${name} must be at least ${MIN_STATE_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`), got ${key.length}`,
      );
  }
  return { current, next };
}

function integer(env: NodeJS.ProcessEnv, name: string, lo: number, hi: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw new Error(`${name} must be an integer in ${lo}..${hi}, got "${raw}"`);
  return n;
}

/** Reads the node's configuration from `env` (default: process.env). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  return {
    host: env.GPU_NODE_HOST?.trim() || '127.0.0.1',
    port: integer(env, 'GPU_NODE_PORT', 0, 65535) ?? 50051,
    webPort: integer(env, 'GPU_NODE_WEB_PORT', 0, 65535) ?? 50052,
    tokens: [env.RAS_NODE_TOKEN, env.RAS_NODE_TOKEN_NEXT].filter((t): t is string => !!t),
    stateKeys: stateKeys(env),
    sessionMemoryBytes: integer(env, 'RAS_SESSION_MEMORY_BYTES', 0, Number.MAX_SAFE_INTEGER),
    sessionDiskBytes: integer(env, 'RAS_SESSION_DISK_BYTES', 0, Number.MAX_SAFE_INTEGER),
    sessionTtlMs: integer(env, 'RAS_SESSION_TTL_MS', 1000, Number.MAX_SAFE_INTEGER),
    drainGraceMs: integer(env, 'RAS_DRAIN_GRACE_MS', 0, 600_000) ?? 5000,
    cacheDir: env.RAS_CACHE_DIR?.trim() || '.cache/sessions',
    maxConcurrent: integer(env, 'RAS_MAX_CONCURRENT', 1, 1024),
    maxQueue: integer(env, 'RAS_MAX_QUEUE', 0, 100_000),
    executionProviders: providers(env),
    intraOpThreads: integer(env, 'RAS_INTRA_OP_THREADS', 0, 1024),
    modelsDir: env.RAS_MODELS_DIR?.trim() || undefined,
    defaultModel: env.RAS_DEFAULT_MODEL?.trim() || undefined,
  };
}
