import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  CAIRN_APPLICATION_ID,
  FULL_CHECK_BYTES,
  needsFullCheck,
  openGraphDatabase,
} from '../../src/main/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { openGraph } from '../../src/main/open-graph';
import { CairnError } from '../../src/shared/errors';
import { openTempGraph, REPO_ROOT, tempDir, track } from './helpers';

function fingerprint(file: string) {
  const stat = fs.statSync(file);
  return {
    bytes: fs.readFileSync(file).toString('base64'),
    mtime: stat.mtimeMs,
    siblings: fs.readdirSync(path.dirname(file)).sort(),
  };
}

function expectRefused(file: string, code: string, message: RegExp) {
  const before = fingerprint(file);
  let caught: unknown;
  try {
    openGraph(file);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CairnError);
  expect((caught as CairnError).code).toBe(code);
  expect((caught as CairnError).message).toMatch(message);
  // One sentence, naming the file, and the file exactly as it was.
  expect((caught as CairnError).message).toContain(path.basename(file));
  expect((caught as CairnError).message.split('\n')).toHaveLength(1);
  expect(fingerprint(file)).toEqual(before);
}

describe('opening a graph file', () => {
  it('creates a missing file with the default graph, in WAL mode with foreign keys on', () => {
    const { db, created, file } = openTempGraph();
    expect(created).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(CAIRN_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const concepts = db.prepare('SELECT count(*) AS n FROM concepts').get() as { n: number };
    expect(concepts.n).toBeGreaterThanOrEqual(80);
    // Nothing is left over from building it.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('creating'))).toEqual([]);
  });

  it('makes every table STRICT', () => {
    const { db } = openTempGraph({ empty: true });
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'concept_search%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) expect(table, table.name).toMatchObject({ strict: 1 });
    db.exec(
      "INSERT INTO categories (id, label, color) VALUES ('c', 'C', '#000000'); INSERT INTO concepts (id, label, category, origin) VALUES ('a', 'A', 'c', 'user')",
    );
    expect(() =>
      db.prepare("INSERT INTO positions (concept, x, y) VALUES (1, 'left', 0)").run(),
    ).toThrow(/cannot store TEXT value in REAL column/);
  });

  it('leaves a new database empty with --empty', () => {
    const { db } = openTempGraph({ empty: true });
    expect(db.prepare('SELECT count(*) AS n FROM concepts').get()).toEqual({ n: 0 });
  });

  it('reopens an existing graph without loading the default graph again', () => {
    const { db, file } = openTempGraph();
    const count = (db.prepare('SELECT count(*) AS n FROM concepts').get() as { n: number }).n;
    db.close();
    const again = track(openGraph(file).db);
    expect(again.prepare('SELECT count(*) AS n FROM concepts').get()).toEqual({ n: count });
  });

  it('enforces foreign keys: a link to a missing concept is refused', () => {
    const { db } = openTempGraph();
    expect(() =>
      db
        .prepare(
          "INSERT INTO links (source, target, relation, origin) VALUES (1, 999999, 'x', 'user')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, '# My notes\n\nNot a database at all.\n');
    expectRefused(
      file,
      'not-a-cairn-database',
      /is not a Cairn database: it is not an SQLite file/,
    );
  });

  it('refuses an SQLite database of another program, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new BetterSqlite3(file);
    other.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a');");
    other.close();
    expectRefused(file, 'not-a-cairn-database', /is an SQLite database but not a Cairn graph/);
  });

  it('refuses a database from a newer Cairn, and leaves it untouched', () => {
    const { db, file } = openTempGraph({ empty: true });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expectRefused(
      file,
      'newer-schema',
      new RegExp(
        `schema ${LATEST_SCHEMA_VERSION + 1}; this version reads up to ${LATEST_SCHEMA_VERSION}`,
      ),
    );
  });

  it('refuses a damaged database, and leaves it untouched', () => {
    const { db, file } = openTempGraph();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.rmSync(file + '-wal', { force: true });
    fs.rmSync(file + '-shm', { force: true });
    // Keep the header (so it still looks like SQLite) and scribble over the pages.
    const bytes = fs.readFileSync(file);
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! ^ 0x5a) & 0xff;
    fs.writeFileSync(file, bytes);
    expectRefused(file, 'corrupt-database', /is damaged/);
  });

  it('reads a file in full on open when it is small, left with pending changes, or to migrate', () => {
    const file = path.join(tempDir(), 'big.sqlite');
    // Sparse: the size is what counts, not the bytes.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, FULL_CHECK_BYTES);
    expect(needsFullCheck(file, LATEST_SCHEMA_VERSION)).toBe(true);
    fs.truncateSync(file, FULL_CHECK_BYTES + 1);
    expect(needsFullCheck(file, LATEST_SCHEMA_VERSION)).toBe(false);
    expect(needsFullCheck(file, LATEST_SCHEMA_VERSION - 1)).toBe(true);
    fs.writeFileSync(`${file}-wal`, '');
    expect(needsFullCheck(file, LATEST_SCHEMA_VERSION)).toBe(false);
    fs.writeFileSync(`${file}-wal`, 'pending');
    expect(needsFullCheck(file, LATEST_SCHEMA_VERSION)).toBe(true);
  });

  it('loads the SQLite addon from an explicit path, as the Electron main process does', () => {
    const addon = path.join(
      REPO_ROOT,
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    const opened = openGraph(path.join(tempDir(), 'g.sqlite'), { nativeBinding: addon });
    track(opened.db);
    expect(opened.db.prepare('SELECT count(*) AS n FROM concepts').get()).toMatchObject({
      n: expect.any(Number),
    });
    expect(() =>
      openGraph(path.join(tempDir(), 'h.sqlite'), {
        nativeBinding: '/nowhere/better_sqlite3.node',
      }),
    ).toThrow();
  });

  it('creates nothing when the default graph cannot be loaded', () => {
    const dir = tempDir();
    const file = path.join(dir, 'graph.sqlite');
    expect(() =>
      openGraphDatabase(file, {
        initialize: () => {
          throw new CairnError('invalid-argument', 'broken default graph');
        },
      }),
    ).toThrow(/broken default graph/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
