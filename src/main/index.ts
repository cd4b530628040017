// Electron lifecycle and windows only. Every policy lives in ./security.ts and
// every service in ./services; this file wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { CairnError } from '../shared/errors';
import { MENU_CHANNEL } from '../shared/menu-commands';
import { createDispatcher } from './dispatch';
import { registerIpcHandlers } from './ipc/register';
import { findElectronNativeBinding } from './native-binding';
import { defaultDatabasePath, userDataDir } from './paths';
import { RecentGraphs } from './recent-graphs';
import {
  APP_ORIGIN,
  APP_SCHEME,
  applicationMenuTemplate,
  CONTENT_SECURITY_POLICY,
  decidePermission,
  decideWindowOpen,
  isTrustedSender,
  resolveAppAsset,
  secureWebPreferences,
  shouldAllowNavigation,
  withSecurityHeaders,
  type MenuItemSpec,
} from './security';
import { Workspace } from './workspace';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const allowedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const rendererDir = path.join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let closeDatabase: () => void = () => {};

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!shouldAllowNavigation(url, allowedOrigins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });

  app
    .whenReady()
    .then(() => {
      const databasePath = defaultDatabasePath();
      let workspace: Workspace;
      try {
        workspace = new Workspace({
          file: databasePath,
          mode: 'desktop',
          version: app.getVersion(),
          recent: new RecentGraphs(path.join(userDataDir(), 'recent-graphs.json')),
          nativeBinding: findElectronNativeBinding(app.getAppPath(), process.versions.electron),
          chooseFile: async (purpose) => {
            const filters = [{ name: 'Cairn graph', extensions: ['sqlite', 'cairn', 'db'] }];
            if (purpose === 'open') {
              const chosen = await dialog.showOpenDialog({
                title: 'Open graph',
                properties: ['openFile'],
                filters,
              });
              return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
            }
            const chosen = await dialog.showSaveDialog({
              title: 'New graph',
              defaultPath: 'graph.sqlite',
              filters,
            });
            return chosen.canceled ? null : (chosen.filePath ?? null);
          },
        });
      } catch (error) {
        const message =
          error instanceof CairnError
            ? error.message
            : `Cairn could not open ${databasePath}: ${String(error)}`;
        dialog.showErrorBox('Cairn cannot open its graph', message);
        app.exit(1);
        return;
      }
      closeDatabase = () => workspace.close();
      registerIpcHandlers(ipcMain, createDispatcher(workspace.api), (url, isMainFrame) =>
        isTrustedSender(url, isMainFrame, allowedOrigins),
      );

      protocol.handle(APP_SCHEME, async (request) => {
        const file = resolveAppAsset(request.url, rendererDir, path.join);
        if (!file) return new Response('Not found', { status: 404 });
        return withSecurityHeaders(await net.fetch(pathToFileURL(file).toString()));
      });

      session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
        callback(decidePermission(permission)),
      );
      session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
        decidePermission(permission),
      );
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: {
            ...details.responseHeaders,
            'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
          },
        });
      });

      // Menu items with a command tell the page to run the action of that name.
      const toElectron = (item: MenuItemSpec): Electron.MenuItemConstructorOptions => {
        const { command, submenu, ...rest } = item;
        return {
          ...(rest as Electron.MenuItemConstructorOptions),
          ...(submenu ? { submenu: submenu.map(toElectron) } : {}),
          ...(command ? { click: () => mainWindow?.webContents.send(MENU_CHANNEL, command) } : {}),
        };
      };
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(applicationMenuTemplate(process.platform).map(toElectron)),
      );

      mainWindow = new BrowserWindow({
        width: 1440,
        height: 900,
        minWidth: 800,
        minHeight: 500,
        // The page sets its title to the open graph's name; Electron shows it.
        title: `${path.basename(workspace.current.file)} — Cairn`,
        show: false,
        webPreferences: secureWebPreferences(path.join(__dirname, '..', 'preload', 'index.js')),
      });
      mainWindow.once('ready-to-show', () => mainWindow?.show());
      mainWindow.on('closed', () => (mainWindow = null));
      void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Cairn could not start', String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => closeDatabase());
}
