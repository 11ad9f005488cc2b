import { Hono } from 'hono';
import type { AppEnv } from '../env';

// STUB (web shell owner replaces).
export const staticRoutes = () => new Hono<AppEnv>();
