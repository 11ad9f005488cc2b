import { Hono } from 'hono';
import type { AppContext } from '../../app-context';
import type { AppEnv } from '../env';

// STUB (mail owner replaces with the development outbox).
export const outboxPages = (_ctx: AppContext) => new Hono<AppEnv>();
