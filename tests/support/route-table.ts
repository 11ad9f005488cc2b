import type { App } from '../../src/web/app';

/**
 * The routes of the web app as Hono registered them (`app.routes`), for the tests that must cover
 * every one of them: the authorization matrix and the hostile-input harness. Middleware shows up
 * in `app.routes` as method ALL (`app.use`), so only routes with a real method are listed; a
 * handler registered with `app.all()` would be missed, and the program has none.
 */
export interface AppRoute {
  method: string;
  /** As registered, with `:name` and `:name{regex}` parameters: `/coordinator/rounds/:roundId/edit`. */
  path: string;
}

export const routeName = (route: AppRoute): string => `${route.method} ${route.path}`;

export const listRoutes = (app: App): AppRoute[] => {
  const seen = new Set<string>();
  const routes: AppRoute[] = [];
  for (const { method, path } of app.routes) {
    if (method === 'ALL') continue;
    const route = { method, path };
    if (seen.has(routeName(route))) continue;
    seen.add(routeName(route));
    routes.push(route);
  }
  return routes;
};

/** The names of a route's path parameters, in order: `['roundId', 'applicationId']`. */
export const paramNames = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z0-9_]+)(?:\{[^}]*\})?/g)].map((match) => match[1]!);

/** The path with each parameter replaced by its (URL-encoded) value. */
export const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/:([A-Za-z0-9_]+)(?:\{[^}]*\})?/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
