import type { MenuCommand } from '../shared/menu-commands';

// Every Electron security policy of Cairn, as pure functions (unit-tested in
// tests/unit/security.test.ts). src/main/index.ts only wires them to Electron.
// See docs/security.md for the checklist this follows.

/** The origin the desktop app's pages are served from, by the `app:` protocol. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://cairn`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Directives a `<meta>` policy cannot carry (CSP Level 3): a browser ignores them
 * there and logs an error saying so. The header, sent in both modes, carries them.
 */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as the page's `<meta>` states it (src/renderer/index.html): the header's, less what a meta cannot hold. */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.has(directive.split(' ')[0]!))
    .join('; ');
}

/** Sent with every page and file of the app, by the `app:` protocol and by browser mode. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * A response of the `app:` protocol with Cairn's security headers. Electron's
 * webRequest.onHeadersReceived never sees custom-protocol responses, so the headers
 * are put on here.
 */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** The options of every BrowserWindow Cairn opens. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  } as const;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of one of the app's own origins (the packaged app, or the dev server). */
function isAppUrl(url: string, allowedOrigins: readonly string[]): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // `app://cairn` parses with origin "null" in Node's URL, so compare scheme and host too.
  const origin = parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  return allowedOrigins.includes(origin);
}

/** Navigation of the window away from the app is refused. */
export function shouldAllowNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  return isAppUrl(url, allowedOrigins);
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * An external link opens in the system browser only if it is a plain http(s) URL:
 * no other scheme (file:, javascript:, data:, custom handlers), no embedded
 * credentials, a host, and a sane length.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  return parsed.hostname.length > 0;
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** `window.open` and target=_blank never create a window; a safe web link goes to the browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) ? url : null };
}

/** Camera, microphone, notifications, geolocation…: Cairn needs none of them. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  allowedOrigins: readonly string[],
): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl, allowedOrigins);
}

/**
 * Maps a request for the `app:` protocol to a file under the renderer's folder.
 * Returns null for anything outside it (`..`, encoded slashes, other hosts).
 */
export function resolveAppAsset(
  requestUrl: string,
  rendererDir: string,
  join: (...parts: string[]) => string,
): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || `${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  return resolveStaticPath(parsed.pathname, rendererDir, join);
}

/** Maps a URL path to a file under `root`, or null when it would leave `root`. */
export function resolveStaticPath(
  urlPath: string,
  root: string,
  join: (...parts: string[]) => string,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0) segments.push('index.html');
  return join(root, ...segments);
}

export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  /** Sent to the renderer when chosen (see src/shared/menu-commands.ts). */
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

/** The application menu, built only from Electron's standard roles (File, Edit, View, Window, Help). */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemSpec[] {
  const mac = platform === 'darwin';
  const menu: MenuItemSpec[] = [];
  if (mac) menu.push({ role: 'appMenu' });
  menu.push(
    {
      label: 'File',
      submenu: [
        { label: 'New Graph…', accelerator: 'CmdOrCtrl+Shift+N', command: 'new-graph' },
        { label: 'Open Graph…', accelerator: 'CmdOrCtrl+O', command: 'open-graph' },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', command: 'import' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', command: 'export' },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  );
  return menu;
}
