import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { archName, packagedAddonPath } from '../../scripts/electron-builder-after-pack.mjs';
import {
  electronAddonPath,
  installedElectronVersion,
  nodeGypArguments,
} from '../../scripts/electron-native.mjs';
import { electronNativeBindingPath } from '../../src/main/native-binding';
import { REPO_ROOT } from './helpers';

// electron-builder cannot run here (it downloads Electron), so the configuration is
// checked as data, by electron-builder's own validator, and through its hook's parts.

const CONFIG_FILE = path.join(REPO_ROOT, 'electron-builder.yml');
const config = parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as Record<string, unknown> & {
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  afterPack: string;
  electronFuses: Record<string, boolean>;
};

describe('the electron-builder configuration', () => {
  it('is valid for the electron-builder that is installed', async () => {
    const loaded = await getConfig(REPO_ROOT, CONFIG_FILE, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds an AppImage and a deb, a dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('flips the fuses: no Node mode, options or inspector; asar only, checked; cookies encrypted; no file: privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps better-sqlite3 out of the asar and puts an Electron build of it there', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // Its own rebuild would replace the Node build in node_modules (tests, CLI).
    expect(config.npmRebuild).toBe(false);
    expect(fs.existsSync(path.join(REPO_ROOT, config.afterPack))).toBe(true);
    for (const resource of config.extraResources) {
      expect(fs.existsSync(path.join(REPO_ROOT, resource.from)), resource.from).toBe(true);
    }
  });
});

describe('the afterPack hook and the Electron build of better-sqlite3', () => {
  it('builds with node-gyp for Electron’s runtime and version', () => {
    expect(nodeGypArguments('45.5.0', 'arm64')).toEqual([
      'rebuild',
      '--release',
      '--target=45.5.0',
      '--arch=arm64',
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ]);
  });

  it('keeps the build where the development app looks for it', () => {
    const version = installedElectronVersion();
    expect(electronAddonPath(REPO_ROOT, version)).toBe(
      electronNativeBindingPath(REPO_ROOT, version),
    );
    expect(electronAddonPath(REPO_ROOT, version, 'not-this-arch')).toContain(
      `${version}-not-this-arch`,
    );
  });

  it('copies it into app.asar.unpacked, where each platform keeps its resources', () => {
    const tail = path.join(
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    expect(packagedAddonPath('/out/linux-unpacked', 'linux', 'Cairn')).toBe(
      path.join('/out/linux-unpacked', 'resources', tail),
    );
    expect(packagedAddonPath('/out/mac', 'darwin', 'Cairn')).toBe(
      path.join('/out/mac', 'Cairn.app', 'Contents', 'Resources', tail),
    );
    expect([0, 1, 2, 3].map(archName)).toEqual(['ia32', 'x64', 'armv7l', 'arm64']);
    expect(() => archName(9)).toThrow(/unknown/);
  });
});
