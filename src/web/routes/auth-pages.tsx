import { Hono } from 'hono';
import type { AppContext } from '../../app-context';
import type { Auth } from '../../auth/auth';
import type { AppEnv } from '../env';

// STUB (auth owner replaces).
export const authPages = (_ctx: AppContext, _auth: Auth) => new Hono<AppEnv>();
