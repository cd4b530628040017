// Builds better-sqlite3 for Electron's ABI into node_modules/.cache/cairn-electron/<version>/,
// leaving npm's Node build in place for the tests and the CLI. The main process
// loads this copy through better-sqlite3's `nativeBinding` option
// (src/main/native-binding.ts). Run by `npm start`; a no-op once built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = path.join(
  root,
  'node_modules',
  '.cache',
  'cairn-electron',
  electronVersion,
  'better_sqlite3.node',
);

if (fs.existsSync(target)) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about a minute)…`);
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-electron-sqlite-'));
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
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error(
    'cairn: could not build better-sqlite3 for Electron; see the node-gyp output above (it needs the Electron headers download and a C++ toolchain).',
  );
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Built ${path.relative(root, target)}`);
