import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ErrorCode, Envelope } from '../../shared/errors';
import type { Dispatch } from '../dispatch';
import { resolveStaticPath, SECURITY_HEADERS } from '../security';
import {
  contentTypeFor,
  hasValidToken,
  isAllowedHost,
  isAllowedOrigin,
  LOOPBACK_HOST,
} from './guards';

/** Large enough for a position save of 200,000 concepts. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  'invalid-argument': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  'read-only': 403,
  internal: 500,
};

export interface ServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the renderer's files and the contract over HTTP, on 127.0.0.1
 * only. Static files carry no data and are served to any loopback page (so a
 * reload works after the token left the address bar); every API call needs the
 * token, an allowed Host and, if sent, an allowed Origin.
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  let port = options.port;
  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent)
        sendJson(response, 500, failure('internal', 'Cairn could not answer this request.'));
      else response.destroy();
    });
  });

  async function handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    if (!isAllowedHost(request.headers.host, port)) {
      sendText(response, 403, 'Cairn only answers requests addressed to 127.0.0.1.');
      return;
    }
    const pathname = requestPath(request.url);
    if (pathname === null) {
      sendText(response, 400, 'Cairn answers only requests for a path of its own, such as /.');
      return;
    }
    if (pathname.startsWith('/api/')) {
      await handleApi(request, response, pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    serveStatic(pathname, request.method === 'HEAD', response);
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    encodedMethod: string,
  ) {
    let method: string;
    try {
      method = decodeURIComponent(encodedMethod);
    } catch {
      sendJson(
        response,
        400,
        failure(
          'invalid-argument',
          'The method name in the address is not valid percent-encoding.',
        ),
      );
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, failure('invalid-argument', 'Use POST for Cairn API calls.'));
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      sendJson(response, 403, failure('unauthorized', 'Requests from other sites are refused.'));
      return;
    }
    if (!hasValidToken(request.headers.authorization, options.token)) {
      sendJson(
        response,
        401,
        failure(
          'unauthorized',
          'Open Cairn with the link that `cairn serve` printed: it carries the access token.',
        ),
      );
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, failure('invalid-argument', 'Cairn API calls must send JSON.'));
      return;
    }
    const body = await readBody(request);
    if (body === null) {
      // Answered at once; the rest of the body is read and dropped (see readBody), so the
      // client receives this answer instead of a reset connection.
      sendJson(
        response,
        413,
        failure(
          'invalid-argument',
          `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
        ),
      );
      return;
    }
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendJson(
        response,
        400,
        failure('invalid-argument', `The body of ${method.slice(0, 60)} is not valid JSON.`),
      );
      return;
    }
    const envelope = await options.dispatch(method, args);
    sendJson(response, envelope.ok ? 200 : (STATUS_OF[envelope.error.code] ?? 400), envelope);
  }

  function serveStatic(pathname: string, headOnly: boolean, response: http.ServerResponse) {
    const file = resolveStaticPath(pathname, options.rendererDir, path.join);
    const found = file && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
    if (!found) {
      sendText(response, 404, 'Not found.');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(found),
      'Cache-Control': found.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
    });
    if (headOnly) response.end();
    else fs.createReadStream(found).pipe(response);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        port,
        url: `http://${LOOPBACK_HOST}:${port}/?token=${options.token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The path of a request target in origin form (`/api/search?x`), or null for any
 * other form (`http://host/…`, `*`). Not parsed as a URL: `//[` is a path here.
 */
export function requestPath(target: string | undefined): string | null {
  const raw = target ?? '/';
  if (!raw.startsWith('/')) return null;
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/** Past this much of an oversized body, the connection is closed rather than drained. */
const MAX_DRAINED_BYTES = 1024 * 1024 * 1024;

/**
 * The body as text, or null once it passes MAX_BODY_BYTES. An oversized body is
 * still read to its end and dropped: closing the connection while the client is
 * sending would reset it, and the client would never see the 413.
 */
function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve(null);
        if (size > MAX_BODY_BYTES + MAX_DRAINED_BYTES) request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    // A promise settles once: after a null for an oversized body, this does nothing.
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendText(response: http.ServerResponse, status: number, text: string) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}
