// Builds better-sqlite3 for Electron's ABI into node_modules/.cache/cairn-electron/,
// leaving npm's Node build in place for the tests and the CLI. In development the
// main process loads that copy through better-sqlite3's `nativeBinding` option
// (src/main/native-binding.ts); a package gets it from the electron-builder hook
// (scripts/electron-builder-after-pack.mjs). Run by `npm start`; a no-op once built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The Electron version this checkout builds for (the one npm installed). */
export function installedElectronVersion() {
  return require('electron/package.json').version;
}

/**
 * Where the Electron build of the addon goes: one folder per Electron version, and
 * per architecture when it is not this machine's (a package for another arch).
 * Keep in step with electronNativeBindingPath in src/main/native-binding.ts.
 */
export function electronAddonPath(root, electronVersion, arch = process.arch) {
  const folder = arch === process.arch ? electronVersion : `${electronVersion}-${arch}`;
  return path.join(root, 'node_modules', '.cache', 'cairn-electron', folder, 'better_sqlite3.node');
}

/** The node-gyp arguments that build for Electron rather than for this Node. */
export function nodeGypArguments(electronVersion, arch) {
  return [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ];
}

/**
 * Builds the addon for `electronVersion` and `arch` unless it is built already, and
 * returns its path. Throws with one sentence when the build fails.
 */
export function buildElectronAddon({
  root = ROOT,
  electronVersion = installedElectronVersion(),
  arch = process.arch,
} = {}) {
  const target = electronAddonPath(root, electronVersion, arch);
  if (fs.existsSync(target)) return target;
  console.log(
    `Building better-sqlite3 for Electron ${electronVersion} (${arch}), once; about a minute…`,
  );
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-electron-sqlite-'));
  try {
    fs.cpSync(source, work, {
      recursive: true,
      filter: (file) => !file.includes(`${path.sep}build${path.sep}`),
    });
    // npm tells its scripts where its own node-gyp is; otherwise look beside npm.
    const nodeGyp =
      process.env.npm_config_node_gyp ??
      require.resolve('node-gyp/bin/node-gyp.js', {
        paths: [path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')],
      });
    const build = spawnSync(
      process.execPath,
      [nodeGyp, ...nodeGypArguments(electronVersion, arch)],
      {
        cwd: work,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) {
      throw new Error(
        'could not build better-sqlite3 for Electron; see the node-gyp output above (it needs the Electron headers download and a C++ toolchain)',
      );
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`Built ${path.relative(root, target)}`);
  return target;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    buildElectronAddon();
  } catch (error) {
    console.error(`cairn: ${error.message}.`);
    process.exit(1);
  }
}
