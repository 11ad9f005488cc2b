import { Hono } from 'hono';
import { findAsset } from '../../assets';
import type { AppEnv } from '../../env';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * `/static/<name>` from public/ (and htmx from node_modules). A request carrying the current
 * content hash (`?v=…`, as assetUrl writes it) may be cached for a year; any other request is
 * revalidated with the ETag, so a stale link never pins an old file.
 */
export const staticRoutes = () => {
  const app = new Hono<AppEnv>();
  app.on(['GET', 'HEAD'], '/static/:name', (c) => {
    const asset = findAsset(c.req.param('name'));
    if (!asset) return c.notFound();
    const etag = `"${asset.hash}"`;
    const isVersioned = c.req.query('v') === asset.hash;
    c.header('Cache-Control', isVersioned ? `public, max-age=${ONE_YEAR}, immutable` : 'public, no-cache');
    c.header('ETag', etag);
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const accepted = c.req.header('accept-encoding') ?? '';
    let body = asset.body;
    if (asset.brotli && /\bbr\b/.test(accepted)) {
      body = asset.brotli;
      c.header('Content-Encoding', 'br');
    } else if (asset.gzip && /\bgzip\b/.test(accepted)) {
      body = asset.gzip;
      c.header('Content-Encoding', 'gzip');
    }
    c.header('Content-Type', asset.contentType);
    c.header('Content-Length', String(body.byteLength));
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(body as Uint8Array<ArrayBuffer>);
  });
  // Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon.
  app.on(['GET', 'HEAD'], '/favicon.ico', (c) =>
    c.redirect(`/static/favicon.svg?v=${findAsset('favicon.svg')?.hash ?? ''}`, 301),
  );
  return app;
};
