import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import { openGraph } from '../../src/main/open-graph';
import { createHandlers } from '../../src/main/services';
import { CONTRACT_METHODS, WRITING_METHODS, type CairnMethod } from '../../src/shared/contract';
import { NO_FILTER } from '../../src/shared/filters';
import { LAYOUT_NAMES } from '../../src/shared/layouts';
import { REPO_ROOT, tempDir, track } from './helpers';

// A graph whose file or folder cannot be written opens read-only: everything that
// reads works, everything that would write is refused with one sentence, and the
// file keeps every byte.

const CLI = path.join(REPO_ROOT, 'bin', 'cairn.cjs');

/** Valid arguments for every method that writes, so that only the read-only guard can refuse them. */
const WHOLE_VIEW = {
  filter: NO_FILTER,
  focus: null,
  layout: 'force',
  styling: { sizeBy: 'degree', colourBy: 'category' },
  positions: null,
  camera: null,
} as const;

const WRITE_CALLS: Partial<Record<CairnMethod, unknown>> = {
  savePositions: { positions: [{ id: 'etcd', x: 1, y: 2 }] },
  createConcept: { label: 'New', category: 'Kubernetes' },
  updateConcept: { id: 'etcd', label: 'etcd 2' },
  deleteConcept: { id: 'etcd' },
  createLink: { source: 'etcd', target: 'pod', relation: 'relates to' },
  updateLink: { id: 1, relation: 'relates to' },
  deleteLink: { id: 1 },
  saveNote: { id: 'etcd', body: 'A note' },
  setTags: { id: 'etcd', tags: ['storage'] },
  linkMentions: { id: 'etcd', target: 'pod' },
  dismissSuggestion: { source: 'etcd', target: 'pod', relation: 'mentions' },
  restoreOriginal: { id: 'etcd' },
  saveFilter: { filter: NO_FILTER },
  saveView: { name: 'View', spec: WHOLE_VIEW },
  updateView: { id: 1, spec: WHOLE_VIEW },
  renameView: { id: 1, name: 'Other' },
  duplicateView: { id: 1 },
  deleteView: { id: 1 },
  moveConcepts: { positions: [{ id: 'etcd', x: 1, y: 2 }] },
  applyLayout: { name: LAYOUT_NAMES[0], positions: [{ id: 'etcd', x: 1, y: 2 }] },
  placeUnplaced: {},
  layoutWholeGraph: {},
  setPinned: { ids: ['etcd'], pinned: true },
  setCategoryStyle: { id: 'kubernetes', color: '#1f77b4' },
  undo: {},
  redo: {},
  startImport: { files: [{ path: 'g.json', base64: '' }] },
  confirmImport: { id: crypto.randomUUID() },
};

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A graph file in its own folder that any user may read, made by the real CLI. */
function graphFile(): string {
  const dir = tempDir();
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, 'graph.sqlite');
  expect(spawnSync(process.execPath, [CLI, 'stats', '--db', file]).status).toBe(0);
  fs.chmodSync(file, 0o644);
  return file;
}

/**
 * Runs as a user who cannot write where the permissions say so: root can write
 * anything, so as root the process runs as nobody.
 */
function unprivileged(options: SpawnOptions = {}): SpawnOptions {
  const root = process.getuid?.() === 0;
  return {
    ...options,
    ...(root ? { uid: 65534, gid: 65534 } : {}),
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tempDir(), 'config') },
  };
}

function cairn(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    ...unprivileged(),
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a graph opened read-only', () => {
  it('refuses every method that writes, with one sentence, and answers the others', async () => {
    const file = graphFile();
    const before = sha256(file);
    const opened = openGraph(file, { readOnly: true });
    track(opened.db);
    expect(opened.readOnly).toBe(true);
    const dispatch = createDispatcher(
      createHandlers(opened.db, {
        version: 't',
        databasePath: file,
        graphName: 'graph.sqlite',
        mode: 'browser',
        readOnly: true,
      }),
      (error) => {
        throw error;
      },
    );
    const writing = CONTRACT_METHODS.filter((m) => WRITING_METHODS[m]);
    expect(Object.keys(WRITE_CALLS).sort()).toEqual([...writing].sort());
    for (const method of writing) {
      expect(await dispatch(method, WRITE_CALLS[method]), method).toEqual({
        ok: false,
        error: {
          code: 'read-only',
          message:
            'graph.sqlite is open read-only, because Cairn cannot write to the file or its folder: nothing in it can be changed.',
        },
      });
    }
    for (const [method, args] of [
      ['getAppInfo', {}],
      ['getGraph', {}],
      ['getConcept', { id: 'etcd' }],
      ['search', { query: 'etcd' }],
      ['getStats', {}],
      ['getHistory', {}],
      ['listViews', {}],
      ['exportGraph', { format: 'graphml' }],
    ] as const) {
      expect((await dispatch(method, args)).ok, method).toBe(true);
    }
    opened.db.close();
    expect(sha256(file)).toBe(before);
  });
});

describe('a graph file or folder Cairn cannot write', () => {
  it.each(['file', 'folder'] as const)(
    'opens read-only for stats, search and export when the %s is read-only, and refuses an import',
    (which) => {
      const file = graphFile();
      const dir = path.dirname(file);
      // A read-only file in a folder anyone may write to, or a writable file in a read-only folder.
      if (which === 'file') {
        fs.chmodSync(file, 0o444);
        fs.chmodSync(dir, 0o777);
      } else {
        fs.chmodSync(file, 0o666);
        fs.chmodSync(dir, 0o555);
      }
      const before = sha256(file);
      const out = path.join(tempDir(), 'out');
      fs.chmodSync(path.dirname(out), 0o777);
      try {
        const stats = cairn('stats', '--db', file);
        expect(stats.stderr).toBe('');
        expect(stats.code).toBe(0);
        expect(stats.stdout).toMatch(/146 concepts · 252 links/);
        const search = cairn('search', 'etcd', '--db', file);
        expect(search.code).toBe(0);
        expect(search.stdout).toMatch(/^ 1\. etcd/);
        const exported = cairn('export', '--db', file, '--format', 'json', '--out', out);
        expect(exported.stderr).toBe('');
        expect(JSON.parse(fs.readFileSync(out, 'utf8')).concepts).toHaveLength(146);
        const imported = cairn('import', '--db', file, '--file', out, '--dry-run');
        expect(imported.code).toBe(1);
        expect(imported.stderr).toBe(
          'cairn: graph.sqlite is open read-only, because Cairn cannot write to the file or its folder: nothing can be imported into it.\n',
        );
      } finally {
        fs.chmodSync(dir, 0o755);
      }
      expect(sha256(file)).toBe(before);
    },
  );

  it('serves a read-only graph that says so and refuses edits', async () => {
    const file = graphFile();
    fs.chmodSync(file, 0o444);
    const child = spawn(
      process.execPath,
      [CLI, 'serve', '--db', file, '--port', '0', '--no-open'],
      unprivileged({ stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    try {
      const { port, token } = await new Promise<{ port: number; token: string }>(
        (resolve, reject) => {
          let output = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const match = /127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(output);
            if (match) resolve({ port: Number(match[1]), token: match[2]! });
          });
          child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${output}`)));
        },
      );
      const call = async (method: string, args: unknown) => {
        const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        });
        const body = (await response.json()) as {
          value?: Record<string, unknown>;
          error?: { code: string };
        };
        return { status: response.status, body };
      };
      expect((await call('getAppInfo', {})).body.value).toMatchObject({ readOnly: true });
      const refused = await call('createConcept', { label: 'New', category: 'X' });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('read-only');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
