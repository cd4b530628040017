import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Database } from 'better-sqlite3';
import { runCli } from '../../src/main/cli/run-cli';
import { createDispatcher, type Dispatch } from '../../src/main/dispatch';
import { openGraph } from '../../src/main/open-graph';
import { createHandlers } from '../../src/main/services';
import { contractClient, type CairnApi } from '../../src/shared/contract';

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

/** The contract as the renderer sees it, over the real dispatcher and a real file. */
export function connect(file: string): { api: CairnApi; db: Database; dispatch: Dispatch } {
  const db = track(openGraph(file).db);
  const dispatch = createDispatcher(
    createHandlers(db, {
      version: 't',
      databasePath: file,
      graphName: 'graph.sqlite',
      mode: 'browser',
      readOnly: false,
    }),
    (e) => {
      throw e;
    },
  );
  const api = contractClient(async (method, args) => {
    const result = await dispatch(method, args ?? {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  });
  return { api, db, dispatch };
}

/** A new graph file holding the default graph, with the contract over it. */
export function freshGraph(): ReturnType<typeof connect> & { file: string } {
  const file = path.join(tempDir(), 'graph.sqlite');
  return { file, ...connect(file) };
}

/** The `cairn` command in this process, with its output and exit code. */
export async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, {
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    isTty: false,
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
