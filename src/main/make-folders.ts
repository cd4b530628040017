import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node's `mkdirSync(…, { recursive: true })` never
 * returns under /proc, where mkdir answers ENOENT for a folder whose parent exists;
 * this throws that ENOENT instead.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = path.resolve(folder);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing) fs.mkdirSync(level);
}
