import os from 'node:os';
import path from 'node:path';

const APP_NAME = 'Cairn';
const DATABASE_FILE_NAME = 'cairn.sqlite';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives
 * for an app named Cairn, so the CLI and the desktop app share one database.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  const config =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, '.config');
  return path.join(config, APP_NAME);
}

export function defaultDatabasePath(): string {
  return path.join(userDataDir(), DATABASE_FILE_NAME);
}
