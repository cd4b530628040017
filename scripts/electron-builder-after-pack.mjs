// electron-builder's afterPack hook (electron-builder.yml): puts the Electron build of
// better-sqlite3 into the unpacked part of the package, in place of the Node build
// that npm made. electron-builder's own rebuild (npmRebuild) is off because it would
// rebuild node_modules in place and take the Node build from the tests and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { buildElectronAddon, installedElectronVersion } from './electron-native.mjs';

/** electron-builder's Arch enum (builder-util), by number. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export function archName(arch) {
  const name = ARCH_NAMES[arch];
  if (!name) throw new Error(`unknown electron-builder arch ${arch}`);
  return name;
}

/** Where the packaged app keeps the addon: inside app.asar.unpacked (asarUnpack in electron-builder.yml). */
export function packagedAddonPath(appOutDir, platform, productFilename) {
  const resources =
    platform === 'darwin'
      ? path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
      : path.join(appOutDir, 'resources');
  return path.join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

export default async function afterPack(context) {
  const platform = context.electronPlatformName;
  const arch = archName(context.arch);
  // A native addon is built with the platform's own compiler: no cross-platform
  // packages, and a universal macOS build would need both arches joined with lipo.
  if (platform !== process.platform || arch === 'universal') {
    throw new Error(
      `Cairn packages for ${platform}-${arch} are built on ${platform} itself (better-sqlite3 is compiled for each).`,
    );
  }
  const electronVersion = context.packager.config.electronVersion ?? installedElectronVersion();
  const built = buildElectronAddon({ electronVersion, arch });
  const target = packagedAddonPath(
    context.appOutDir,
    platform,
    context.packager.appInfo.productFilename,
  );
  if (!fs.existsSync(path.dirname(target))) {
    throw new Error(`${target} is missing: is better-sqlite3 still in asarUnpack?`);
  }
  fs.copyFileSync(built, target);
}
