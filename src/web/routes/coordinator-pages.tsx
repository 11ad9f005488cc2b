import { Hono } from 'hono';
import type { AppContext } from '../../app-context';
import type { AppEnv } from '../env';

// STUB (auth owner replaces with the coordinator dashboard).
export const coordinatorPages = (_ctx: AppContext) => new Hono<AppEnv>();
