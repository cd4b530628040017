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

function electronBinary() {
  try {
    const binary = require('electron'); // the path of the executable, or a throw if it was never downloaded
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
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
