import { describe, expect, it } from 'vitest';
import { readConfig } from '../../gpu-node/src/service/config';

describe('the node configuration', () => {
  it('defaults to loopback, the CPU execution provider and a session spill directory', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 50051, webPort: 50052, executionProviders: ['cpu'] });
    expect(c.cacheDir).toBe('.cache/sessions');
  });

  it('takes the execution providers and threads from the environment', () => {
    const c = readConfig({ RAS_EXECUTION_PROVIDERS: 'CUDA, cpu', RAS_INTRA_OP_THREADS: '4' });
    expect(c.executionProviders).toEqual(['cuda', 'cpu']);
    expect(c.intraOpThreads).toBe(4);
  });

  it('takes the models root and the default model from the environment, else leaves them to the engine', () => {
    expect(readConfig({ RAS_MODELS_DIR: ' /srv/models ', RAS_DEFAULT_MODEL: 'sd3-medium' })).toMatchObject({
      modelsDir: '/srv/models',
      defaultModel: 'sd3-medium',
    });
    const c = readConfig({ RAS_MODELS_DIR: ' ', RAS_DEFAULT_MODEL: '' });
    expect([c.modelsDir, c.defaultModel]).toEqual([undefined, undefined]);
  });

  it('names the variable of a bad value', () => {
    expect(() => readConfig({ RAS_EXECUTION_PROVIDERS: 'cuda,tpu' })).toThrowError(
      /RAS_EXECUTION_PROVIDERS: unknown provider "tpu"/,
    );
    expect(() => readConfig({ GPU_NODE_PORT: '70000' })).toThrowError(/GPU_NODE_PORT/);
    expect(() => readConfig({ RAS_MAX_QUEUE: '-1' })).toThrowError(/RAS_MAX_QUEUE/);
  });
});

describe('node tokens', () => {
  it('accept the current and, during a rotation, the next token', async () => {
    const { bearerAuth } = await import('../../gpu-node/src/service/auth');
    const c = readConfig({ RAS_NODE_TOKEN: 'old', RAS_NODE_TOKEN_NEXT: 'new' });
    const check = bearerAuth(c.tokens);
    expect(() => check('Bearer old')).not.toThrow();
    expect(() => check('Bearer new')).not.toThrow();
    expect(() => check('Bearer other')).toThrowError(/wrong node token/);
    expect(() => check(undefined)).toThrowError(/missing authorization/);
  });

  it('and the session budgets and drain grace', () => {
    const c = readConfig({
      RAS_SESSION_MEMORY_BYTES: '1000',
      RAS_SESSION_DISK_BYTES: '2000',
      RAS_DRAIN_GRACE_MS: '100',
    });
    expect(c).toMatchObject({ sessionMemoryBytes: 1000, sessionDiskBytes: 2000, drainGraceMs: 100 });
  });
});

describe('state keys', () => {
  const key = 'k'.repeat(32);

  it('are read as current and, during a rotation, next', () => {
    expect(readConfig({}).stateKeys).toBeUndefined();
    expect(readConfig({ RAS_STATE_KEY: key }).stateKeys).toEqual({ current: key, next: undefined });
    const next = 'n'.repeat(40);
    expect(readConfig({ RAS_STATE_KEY: key, RAS_STATE_KEY_NEXT: next }).stateKeys).toEqual({ current: key, next });
  });

  it('name the variable of a short key, and of a next key without a current one', () => {
    expect(() => readConfig({ RAS_STATE_KEY: 'short' })).toThrowError(/RAS_STATE_KEY must be at least 32 characters/);
    expect(() => readConfig({ RAS_STATE_KEY: key, RAS_STATE_KEY_NEXT: 'short' })).toThrowError(/RAS_STATE_KEY_NEXT/);
    expect(() => readConfig({ RAS_STATE_KEY_NEXT: key })).toThrowError(/RAS_STATE_KEY_NEXT is set but RAS_STATE_KEY/);
  });
});
