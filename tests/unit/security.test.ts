import fs from 'node:fs';
import path from 'node:path';
import { isMenuCommand, MENU_COMMANDS } from '../../src/shared/menu-commands';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  applicationMenuTemplate,
  CONTENT_SECURITY_POLICY,
  decidePermission,
  decideWindowOpen,
  isSafeExternalUrl,
  isTrustedSender,
  metaContentSecurityPolicy,
  resolveAppAsset,
  SECURITY_HEADERS,
  withSecurityHeaders,
  resolveStaticPath,
  secureWebPreferences,
  shouldAllowNavigation,
} from '../../src/main/security';

const origins = [APP_ORIGIN];

describe('Electron security policy', () => {
  it('keeps isolation, sandbox and web security on, and node off', () => {
    expect(secureWebPreferences('/p.js')).toMatchObject({
      preload: '/p.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict Content-Security-Policy: no inline or remote script, no plugins, no framing', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [
        d.split(' ')[0],
        d.split(' ').slice(1).join(' '),
      ]),
    );
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:/);
  });

  it('puts the same policy in the page’s <meta> as in the header', () => {
    const html = fs.readFileSync(
      path.join(__dirname, '..', '..', 'src', 'renderer', 'index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(metaContentSecurityPolicy());
    // All of it but frame-ancestors, which a <meta> cannot carry (the header does).
    expect(metaContentSecurityPolicy()).toContain("frame-src 'none'");
    expect(metaContentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(metaContentSecurityPolicy().split('; ')).toEqual(
      CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')),
    );
  });

  it('puts the security headers on every response of the app: protocol', async () => {
    const file = new Response('<!doctype html>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
    const served = withSecurityHeaders(file);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/html');
    expect(served.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(served.headers.get('x-frame-options')).toBe('DENY');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await served.text()).toBe('<!doctype html>');
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    [`${APP_ORIGIN}/index.html`, true],
    [`${APP_ORIGIN}/index.html#concept`, true],
    ['app://evil/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(shouldAllowNavigation(url, origins)).toBe(allowed);
  });

  it('allows the dev server origin only when it is listed', () => {
    expect(shouldAllowNavigation('http://localhost:5173/', origins)).toBe(false);
    expect(
      shouldAllowNavigation('http://localhost:5173/', [...origins, 'http://localhost:5173']),
    ).toBe(true);
  });

  it.each([
    ['https://kubernetes.io/docs/', true],
    ['http://example.org/a?b=c', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['ms-settings:privacy', false],
    ['https://user:pw@example.com/', false],
    ['https://', false],
    [`https://example.com/${'a'.repeat(3000)}`, false],
  ])('opens %s externally: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: safe ? url : null });
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ])('denies the %s permission', (permission) => {
    expect(decidePermission(permission)).toBe(false);
  });

  it('answers IPC only from the app page in the top frame', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, true, origins)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, false, origins)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, origins)).toBe(false);
    expect(isTrustedSender(undefined, true, origins)).toBe(false);
  });

  it('serves app: files only from inside the renderer folder', () => {
    const root = '/opt/cairn/renderer';
    expect(resolveAppAsset(`${APP_ORIGIN}/index.html`, root, path.posix.join)).toBe(
      '/opt/cairn/renderer/index.html',
    );
    expect(resolveAppAsset(`${APP_ORIGIN}/`, root, path.posix.join)).toBe(
      '/opt/cairn/renderer/index.html',
    );
    expect(resolveAppAsset(`${APP_ORIGIN}/assets/a.js`, root, path.posix.join)).toBe(
      '/opt/cairn/renderer/assets/a.js',
    );
    for (const evil of [
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/a%5c..%5c..%5cwin.ini',
      '/x%00.js',
      '/%E0%A4%A',
    ]) {
      // Either refused, or normalised by the URL parser to a path that stays inside the root.
      const resolved = resolveAppAsset(`${APP_ORIGIN}${evil}`, root, path.posix.join);
      expect(resolved === null || resolved.startsWith(`${root}/`), `${evil} -> ${resolved}`).toBe(
        true,
      );
      expect(resolved ?? '', evil).not.toContain('..');
    }
    expect(resolveAppAsset('app://other/index.html', root, path.posix.join)).toBeNull();
    for (const evil of [
      '/../etc/passwd',
      '/a/../../x',
      '%2e%2e%2fetc',
      '/a\\b',
      '/x\0y',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(evil, root, path.posix.join), evil).toBeNull();
    }
  });

  it('builds the menu from standard roles: File, Edit, View, Window, Help', () => {
    const linux = applicationMenuTemplate('linux');
    expect(linux.map((m) => m.label ?? m.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
    expect(applicationMenuTemplate('darwin')[0]).toEqual({ role: 'appMenu' });
    const roles = JSON.stringify(linux);
    expect(roles).toContain('"role":"quit"');
    expect(roles).toContain('"role":"toggleDevTools"');
    // The File menu's own items send exactly the commands the renderer knows.
    const commands = linux[0]!.submenu!.flatMap((item) => (item.command ? [item.command] : []));
    expect([...commands].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(isMenuCommand('import')).toBe(true);
    expect(isMenuCommand('rm -rf')).toBe(false);
    expect(isMenuCommand({ toString: () => 'import' })).toBe(false);
  });
});
