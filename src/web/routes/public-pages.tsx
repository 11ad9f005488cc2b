import { Hono } from 'hono';
import type { AppContext } from '../../app-context';
import type { AppEnv } from '../env';

// STUB (web shell owner replaces).
export const publicPages = (_ctx: AppContext) => new Hono<AppEnv>();
