import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import { RecentGraphs } from '../../src/main/recent-graphs';
import { Workspace } from '../../src/main/workspace';
import type { ImportJob } from '../../src/shared/domain';
import { tempDir } from './helpers';

function workspace(dir = tempDir()) {
  const ws = new Workspace({
    file: path.join(dir, 'first.sqlite'),
    mode: 'browser',
    version: 't',
    recent: new RecentGraphs(path.join(dir, 'recent.json')),
  });
  const dispatch = createDispatcher(ws.api, (e) => {
    throw e;
  });
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await dispatch(method, args);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  return { ws, dispatch, call, dir };
}

describe('several graphs', () => {
  it('creates, opens and remembers graph files, one open at a time', async () => {
    const { ws, call, dir } = workspace();
    try {
      const second = path.join(dir, 'second.sqlite');
      const info = await call<{ graphName: string }>('createGraphFile', {
        path: second,
        empty: true,
      });
      expect(info.graphName).toBe('second.sqlite');
      expect(await call('getStats')).toMatchObject({ concepts: 0 });
      await call('createConcept', { label: 'Only here', category: 'Mine' });
      expect(await call('getRecentGraphs')).toEqual([
        expect.objectContaining({ name: 'first.sqlite', exists: true }),
      ]);

      await call('openGraphFile', { path: path.join(dir, 'first.sqlite') });
      expect((await call<{ concepts: number }>('getStats')).concepts).toBeGreaterThan(80);
      expect(await call('getRecentGraphs')).toEqual([
        expect.objectContaining({ name: 'second.sqlite' }),
      ]);
      expect(await call<{ label: string }[]>('search', { query: 'only here' })).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('has no native file dialog in browser mode, so the app asks for a path', async () => {
    const { ws, call } = workspace();
    try {
      expect(await call('chooseGraphFile', { purpose: 'open' })).toEqual({
        supported: false,
        path: null,
      });
    } finally {
      ws.close();
    }
  });

  it('keeps the current graph open when another cannot be opened', async () => {
    const { ws, call, dir } = workspace();
    try {
      const notCairn = path.join(dir, 'notes.db');
      fs.writeFileSync(notCairn, 'not a database');
      await expect(call('openGraphFile', { path: notCairn })).rejects.toThrow(
        'notes.db is not a Cairn database: it is not an SQLite file.',
      );
      await expect(
        call('openGraphFile', { path: path.join(dir, 'missing.sqlite') }),
      ).rejects.toThrow('missing.sqlite does not exist.');
      await expect(
        call('createGraphFile', { path: path.join(dir, 'first.sqlite') }),
      ).rejects.toThrow('first.sqlite already exists: open it instead.');
      await expect(call('openGraphFile', { path: 'relative.sqlite' })).rejects.toThrow(
        'Give the full path of the graph file.',
      );
      await expect(call('openGraphFile', { path: path.join(dir, 'x.txt') })).rejects.toThrow(
        'A graph file ends in .sqlite, .cairn or .db.',
      );
      expect((await call<{ graphName: string }>('getAppInfo')).graphName).toBe('first.sqlite');
      expect((await call<{ concepts: number }>('getStats')).concepts).toBeGreaterThan(80);
      expect(fs.readFileSync(notCairn, 'utf8')).toBe('not a database');
    } finally {
      ws.close();
    }
  });
});

describe('export for download', () => {
  it('gives a single-file format as text and a folder format as a zip', async () => {
    const { ws, call } = workspace();
    try {
      const graphml = await call<{ fileName: string; base64: string; concepts: number }>(
        'exportGraph',
        { format: 'graphml' },
      );
      expect(graphml.fileName).toBe('first.graphml');
      expect(Buffer.from(graphml.base64, 'base64').toString('utf8')).toContain('<graphml');
      const csv = await call<{ fileName: string; base64: string }>('exportGraph', {
        format: 'csv',
        conceptIds: ['etcd', 'api-server'],
      });
      expect(csv.fileName).toBe('first-csv.zip');
      const files = unzipSync(Buffer.from(csv.base64, 'base64'));
      expect(Object.keys(files).sort()).toEqual(['first-csv/edges.csv', 'first-csv/nodes.csv']);
      expect(strFromU8(files['first-csv/nodes.csv']!).trim().split('\r\n')).toHaveLength(3);
      await expect(call('exportGraph', { format: 'pdf' })).rejects.toThrow(
        /^Unknown export format "pdf"/,
      );
    } finally {
      ws.close();
    }
  });
});

describe('import from the app', () => {
  const upload = (name: string, text: string) => ({
    path: name,
    base64: Buffer.from(text).toString('base64'),
  });
  /** The job once its file is read and previewed: the app polls, and so does a test. */
  const whenRead = async ({ ws, call }: ReturnType<typeof workspace>, id: string) => {
    await ws.imports.settled(id);
    for (;;) {
      const job = await call<ImportJob>('getImportJob', { id });
      if (job.state !== 'reading') return job;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('previews, writes nothing until confirmed, then merges', async () => {
    const open = workspace();
    const { ws, call } = open;
    try {
      const before = (await call<{ concepts: number }>('getStats')).concepts;
      const started = await call<ImportJob>('startImport', {
        files: [upload('edges.csv', 'source,target,relation\nIstio,Envoy,uses\n')],
      });
      const ready = await whenRead(open, started.id);
      expect(ready.state).toBe('ready');
      expect(ready.report).toMatchObject({
        concepts: { added: 1, matched: 1 },
        links: { added: 1 },
      });
      expect((await call<{ concepts: number }>('getStats')).concepts).toBe(before);
      const done = await call<ImportJob>('confirmImport', { id: started.id });
      expect(done.state).toBe('done');
      expect((await call<{ concepts: number }>('getStats')).concepts).toBe(before + 1);
      await expect(call('confirmImport', { id: started.id })).rejects.toThrow(
        'This import cannot be confirmed: it is done.',
      );
    } finally {
      ws.close();
    }
  });

  it('imports a chosen folder (a vault) and can be cancelled', async () => {
    const open = workspace();
    const { ws, call } = open;
    try {
      const started = await call<ImportJob>('startImport', {
        files: [upload('vault/Ideas/Zettel.md', 'About [[etcd]]'), upload('vault/Inbox.md', 'x')],
      });
      const ready = await whenRead(open, started.id);
      expect(ready.state).toBe('ready');
      expect(ready.report?.format).toBe('markdown');
      expect(ready.report?.concepts.added).toBe(2);
      expect((await call<ImportJob>('cancelImport', { id: started.id })).state).toBe('cancelled');
      await expect(call('confirmImport', { id: started.id })).rejects.toThrow(
        'This import cannot be confirmed: it is cancelled.',
      );
    } finally {
      ws.close();
    }
  });

  it('reports a broken file as a failed job with one sentence', async () => {
    const open = workspace();
    const { ws, call } = open;
    try {
      const started = await call<ImportJob>('startImport', {
        files: [upload('bad.graphml', '<graphml><graph><node id="a"></graph></graphml>')],
      });
      const job = await whenRead(open, started.id);
      expect(job).toMatchObject({
        state: 'failed',
        error: expect.stringMatching(/^bad\.graphml, line 1: the XML is malformed/),
      });
    } finally {
      ws.close();
    }
  });

  it.each(['../escape.csv', 'a/../../b.csv', '/etc/passwd', 'C:\\x.csv', 'a//b.csv'])(
    'refuses the upload path %s',
    async (bad) => {
      const { ws, call } = workspace();
      try {
        await expect(
          call('startImport', { files: [upload(bad, 'source,target\na,b\n')] }),
        ).rejects.toThrow(/is not a file path Cairn accepts\.$/);
      } finally {
        ws.close();
      }
    },
  );
});
