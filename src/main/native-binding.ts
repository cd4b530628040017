import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native addon, and Electron's ABI differs from Node's. The
 * Node build stays where npm put it (tests and the CLI use it); scripts/electron-native.mjs
 * builds a second copy for Electron into this folder, keyed by Electron version.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  // This machine's architecture; other arches get `<version>-<arch>` (electronAddonPath).
  return path.join(
    appRoot,
    'node_modules',
    '.cache',
    'cairn-electron',
    electronVersion,
    'better_sqlite3.node',
  );
}

/** The Electron build of the addon if it exists (development), else the default one (a packaged app rebuilt by its packager). */
export function findElectronNativeBinding(
  appRoot: string,
  electronVersion: string,
): string | undefined {
  const candidate = electronNativeBindingPath(appRoot, electronVersion);
  return fs.existsSync(candidate) ? candidate : undefined;
}
