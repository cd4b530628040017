import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import { browserCommand } from '../../src/main/server/open-browser';
import { hasValidToken, isAllowedHost, isAllowedOrigin } from '../../src/main/server/guards';
import { startServer, type RunningServer } from '../../src/main/server/http-server';
import { createHandlers } from '../../src/main/services';
import { openTempGraph, tempDir } from './helpers';

const TOKEN = 'test-token-0123456789';
let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve() {
  const { db } = openTempGraph();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cairn</title>');
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'outside');
  const dispatch = createDispatcher(
    createHandlers(db, {
      version: 't',
      databasePath: 'x.sqlite',
      graphName: 'x.sqlite',
      mode: 'browser',
      readOnly: false,
    }),
    () => {},
  );
  running = await startServer({ dispatch, rendererDir, token: TOKEN, port: 0 });
  return running;
}

/** A raw request, so tests can send any Host header. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: options.method ?? 'GET',
          path: options.path,
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

function api(port: number, method: string, args: unknown, headers: Record<string, string> = {}) {
  return request(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: `127.0.0.1:${port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${TOKEN}`,
      ...headers,
    },
    body: JSON.stringify(args),
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a tokened URL', async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('answers a contract call with the token', async () => {
    const { port } = await serve();
    const response = await api(port, 'search', { query: 'etcd' });
    expect(response.status).toBe(200);
    const envelope = JSON.parse(response.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value[0].label).toBe('etcd');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { Authorization: 'Bearer nope' }, 401],
    ['a foreign Host (DNS rebinding)', { Host: 'attacker.example:80' }, 403],
    ['a foreign Origin', { Origin: 'https://attacker.example' }, 403],
    ['a non-JSON body type', { 'Content-Type': 'text/plain' }, 415],
  ])('refuses a call with %s', async (_what, headers, status) => {
    const { port } = await serve();
    const withHeaders = { ...headers } as Record<string, string>;
    if ('Host' in withHeaders && withHeaders.Host === 'attacker.example:80')
      withHeaders.Host = 'attacker.example';
    const response = await request(port, {
      method: 'POST',
      path: '/api/getStats',
      headers: {
        Host: `127.0.0.1:${port}`,
        'Content-Type': 'application/json',
        ...(status === 401 ? {} : { Authorization: `Bearer ${TOKEN}` }),
        ...withHeaders,
      },
      body: '{}',
    });
    expect(response.status).toBe(status);
    expect(response.body).not.toContain('concepts');
  });

  it('validates arguments and reports one sentence', async () => {
    const { port } = await serve();
    const bad = await api(port, 'getNeighbourhood', { id: 'etcd', depth: 'deep' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/^Invalid depth for getNeighbourhood/);
    const malformed = await request(port, {
      method: 'POST',
      path: '/api/getStats',
      headers: {
        Host: `127.0.0.1:${port}`,
        'Content-Type': 'application/json',
        Authorization: `Bearer ${TOKEN}`,
      },
      body: '{"unclosed',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBe(
      'The body of getStats is not valid JSON.',
    );
    const missing = await api(port, 'getConcept', { id: 'ghost' });
    expect(missing.status).toBe(404);
    const proto = await api(port, '__proto__', {});
    expect(JSON.parse(proto.body).error.message).toBe('Unknown method "__proto__".');
  });

  it('serves the app page but nothing outside the renderer folder', async () => {
    const { port } = await serve();
    const host = { Host: `127.0.0.1:${port}` };
    const page = await request(port, { path: '/', headers: host });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const response = await request(port, { path: evil, headers: host });
      expect(response.status, evil).toBe(404);
    }
    const rebinding = await request(port, { path: '/', headers: { Host: 'evil.example' } });
    expect(rebinding.status).toBe(403);
  });
});

describe('odd requests get their own answer, never a 500 or a reset', () => {
  const headers = (port: number) => ({
    Host: `127.0.0.1:${port}`,
    'Content-Type': 'application/json',
    Authorization: `Bearer ${TOKEN}`,
  });

  it('answers a method name that is not valid percent-encoding with 400 and a sentence', async () => {
    const { port } = await serve();
    const response = await request(port, {
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: headers(port),
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toEqual({
      code: 'invalid-argument',
      message: 'The method name in the address is not valid percent-encoding.',
    });
  });

  it.each(['//[', '//evil.example/x', '/%', 'http://[::1'])(
    'answers the request target %s without a 500',
    async (target) => {
      const { port } = await serve();
      for (const method of ['GET', 'POST']) {
        const response = await request(port, {
          method,
          path: target,
          headers: headers(port),
          body: method === 'POST' ? '{}' : undefined,
        });
        expect([400, 404, 405], `${method} ${target}`).toContain(response.status);
        expect(response.body).not.toMatch(/could not answer/);
      }
    },
  );

  it('answers a body over 32 MB with 413, which the client receives', async () => {
    const { port } = await serve();
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/savePositions',
          headers: headers(port),
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 40) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.message).toBe('The request is larger than 32 MB.');
  });
});

describe('server guards', () => {
  it('accepts only loopback Host headers for its own port', () => {
    expect(isAllowedHost('127.0.0.1:4840', 4840)).toBe(true);
    expect(isAllowedHost('localhost:4840', 4840)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4841', 4840)).toBe(false);
    expect(isAllowedHost('evil.example:4840', 4840)).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example:4840', 4840)).toBe(false);
    expect(isAllowedHost(undefined, 4840)).toBe(false);
  });

  it('accepts no Origin or its own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 1)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:1', 1)).toBe(true);
    expect(isAllowedOrigin('null', 1)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:2', 1)).toBe(false);
  });

  it('checks the bearer token exactly', () => {
    expect(hasValidToken('Bearer abc', 'abc')).toBe(true);
    expect(hasValidToken('Bearer abcd', 'abc')).toBe(false);
    expect(hasValidToken('abc', 'abc')).toBe(false);
    expect(hasValidToken(undefined, 'abc')).toBe(false);
  });

  it('opens the browser with a command per platform, never through a shell', () => {
    const url = 'http://127.0.0.1:1/?token=a&b';
    expect(browserCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(browserCommand('win32', url)).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
  });
});
