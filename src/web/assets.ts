import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

/**
 * The static assets, read once into memory: a handful of small files, so serving them from memory
 * (pre-compressed, since many participants are on slow connections) is simpler and safer than
 * touching the file system per request — no path can reach outside this list.
 * Each URL carries a hash of the content, so browsers may keep a file for a year.
 */
export interface Asset {
  name: string;
  contentType: string;
  body: Uint8Array;
  gzip: Uint8Array | undefined;
  brotli: Uint8Array | undefined;
  /** First 12 hex digits of the SHA-256 of the content. */
  hash: string;
}

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');
const require = createRequire(import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const isCompressible = (contentType: string) =>
  /^(text\/|image\/svg|application\/manifest)/.test(contentType);

const toAsset = (name: string, body: Uint8Array): Asset => {
  const contentType = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
  const compress = isCompressible(contentType) && body.byteLength > 512;
  return {
    name,
    contentType,
    body,
    gzip: compress ? gzipSync(body, { level: 9 }) : undefined,
    brotli: compress
      ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
      : undefined,
    hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
  };
};

let assets: Map<string, Asset> | undefined;

export const loadAssets = (): Map<string, Asset> => {
  if (assets) return assets;
  const loaded = new Map<string, Asset>();
  for (const entry of readdirSync(publicDir, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    loaded.set(entry.name, toAsset(entry.name, readFileSync(join(publicDir, entry.name))));
  }
  loaded.set(
    'htmx.min.js',
    toAsset('htmx.min.js', readFileSync(require.resolve('htmx.org/dist/htmx.min.js'))),
  );
  assets = loaded;
  return loaded;
};

export const findAsset = (name: string): Asset | undefined => loadAssets().get(name);

/** The versioned URL of a static file, e.g. `/static/app.css?v=3f2a…`; use it in every link. */
export const assetUrl = (name: string): string => {
  const asset = findAsset(name);
  if (!asset) throw new Error(`No static asset named "${name}" in public/ (or htmx.min.js).`);
  return `/static/${asset.name}?v=${asset.hash}`;
};
