import { timingSafeEqual } from 'node:crypto';

// Request checks for browser mode, as pure functions (tested in tests/unit/server.test.ts).

export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Only a Host naming this loopback server is answered. A page on an attacker's
 * domain that re-points its DNS at 127.0.0.1 (DNS rebinding) still sends its own
 * host name, and is refused here.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  return host === `${LOOPBACK_HOST}:${port}` || host === `localhost:${port}`;
}

/** A cross-site page may not call the API even if it guessed everything else. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return (
    originHeader === `http://${LOOPBACK_HOST}:${port}` ||
    originHeader === `http://localhost:${port}`
  );
}

/** Compares the bearer token in constant time. */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  if (!authorization?.startsWith('Bearer ')) return false;
  const given = Buffer.from(authorization.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  return (
    CONTENT_TYPES[dot === -1 ? '' : file.slice(dot).toLowerCase()] ?? 'application/octet-stream'
  );
}
