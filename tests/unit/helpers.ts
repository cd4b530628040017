import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openGraph } from '../../src/main/open-graph';

const made: string[] = [];
const openDbs: Database[] = [];

/** A fresh folder under the system temp dir, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-'));
  made.push(dir);
  return dir;
}

/** A real database file in a temp folder holding the default graph (or nothing, with empty). */
export function openTempGraph(options: { empty?: boolean } = {}) {
  const file = path.join(tempDir(), 'graph.sqlite');
  const opened = openGraph(file, options);
  openDbs.push(opened.db);
  return opened;
}

export function track(db: Database): Database {
  openDbs.push(db);
  return db;
}

afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
