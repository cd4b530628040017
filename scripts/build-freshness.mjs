// Whether `out/` holds a build of the sources as they are now, so `npm start` rebuilds
// after a change instead of running yesterday's code.
import fs from 'node:fs';
import path from 'node:path';

/** What the build reads: a change to any of these makes the build stale. */
export const BUILD_INPUTS = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/** What the build writes; the oldest of them is when it last ran. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];

function newestModification(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestModification(path.join(target, entry)));
  }
  return newest;
}

/** True when a build output is missing or older than a source it was built from. */
export function buildIsStale(root) {
  let built = Infinity;
  for (const output of BUILD_OUTPUTS) {
    const stat = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
    if (!stat) return true;
    built = Math.min(built, stat.mtimeMs);
  }
  return BUILD_INPUTS.some((input) => newestModification(path.join(root, input)) > built);
}
