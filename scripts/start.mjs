// `npm start`: the desktop app where the Electron binary is installed; where it
// cannot be had (its download is blocked, as on CI machines), one line saying so
// and browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build-freshness.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);

/**
 * The Electron executable if it has been downloaded. Not `require('electron')`: since
 * Electron 45 that starts a download of its own when the binary is missing.
 */
function installedElectron() {
  const module = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(module, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(module, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Electron 45 downloads its binary on first use rather than when npm installs it:
 * try once, quietly, unless ELECTRON_SKIP_BINARY_DOWNLOAD says the download cannot work.
 */
function electronBinary() {
  const installed = installedElectron();
  if (installed || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return installed;
  const module = path.dirname(require.resolve('electron/package.json'));
  console.log('Downloading Electron (once)…');
  const download = spawnSync(process.execPath, [path.join(module, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  return download.status === 0 ? installedElectron() : null;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (buildIsStale(root)) {
  run(process.execPath, [
    path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
  ]);
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'Electron is not installed on this machine (its download was skipped or blocked), so Cairn opens in your browser instead.',
  );
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'cairn.cjs'), 'serve', ...extraArgs],
    { cwd: root, stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  run(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')]);
  const child = spawn(binary, ['.', ...extraArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
