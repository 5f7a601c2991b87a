/** `GET /v1/models`: the models the GPU nodes serve, with the sizes each serves well. */
import { Hono } from 'hono';
import { fetchModels } from '../nodes/models';
import type { AppEnv } from '../types';

export const models = new Hono<AppEnv>().get('/', async (c) => c.json(await fetchModels(c.env)));
