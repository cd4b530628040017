import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import { CairnError } from '../../src/shared/errors';
import { openTempGraph, REPO_ROOT, tempDir, track } from './helpers';

// What `--db`, Open graph and New graph may be pointed at, and what Cairn does with
// each: only a regular file (or a missing path) becomes a graph, and every refusal is
// one sentence that leaves every byte beside it as it was.

/** The bytes of a file and of its siblings (-wal, -shm, backups), and the folder's listing. */
function fingerprint(file: string) {
  const dir = path.dirname(file);
  const siblings = fs.readdirSync(dir).sort();
  return {
    siblings,
    hashes: siblings
      .filter((name) => fs.lstatSync(path.join(dir, name)).isFile())
      .map((name) =>
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('hex'),
      ),
  };
}

function refusal(file: string): CairnError {
  try {
    track(openGraph(file).db);
  } catch (error) {
    expect(error).toBeInstanceOf(CairnError);
    const message = (error as CairnError).message;
    expect(message.split('\n'), message).toHaveLength(1);
    expect(message).not.toMatch(/unexpected error/i);
    return error as CairnError;
  }
  throw new Error(`${file} was opened`);
}

describe('what a graph file may be', () => {
  it('refuses a named pipe and leaves it a pipe', () => {
    const fifo = path.join(tempDir(), 'pipe.sqlite');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(refusal(fifo).message).toBe(
      'pipe.sqlite is a named pipe, not a file: Cairn keeps a graph only in a regular file.',
    );
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a character device (here /dev/null, through a link) and leaves it alone', () => {
    const link = path.join(tempDir(), 'null.sqlite');
    fs.symlinkSync('/dev/null', link);
    expect(refusal(link).message).toBe(
      'null.sqlite is a device, not a file: Cairn keeps a graph only in a regular file.',
    );
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(link).isCharacterDevice()).toBe(true);
  });

  it('refuses a folder with one sentence', () => {
    const dir = path.join(tempDir(), 'graph.sqlite');
    fs.mkdirSync(dir);
    expect(refusal(dir).message).toBe(
      'graph.sqlite is a folder, not a file: give the path of a graph file.',
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says why a graph cannot be created under /proc', () => {
    const message = refusal('/proc/cairn-test.sqlite').message;
    expect(message).toMatch(/^Cairn cannot create cairn-test\.sqlite in \/proc: /);
    // A zero-size "regular file" of /proc is not taken for a new graph either.
    expect(refusal('/proc/self/status').message).toBe(
      'status is an empty file that Cairn cannot write, so it cannot become a graph.',
    );
  });

  it('does not take an empty file with a write-ahead log beside it for a new graph', () => {
    const dir = tempDir();
    const file = path.join(dir, 'other.db');
    fs.writeFileSync(file, '');
    fs.writeFileSync(`${file}-wal`, crypto.randomBytes(5000));
    const before = fingerprint(file);
    expect(refusal(file).message).toBe(
      'other.db is empty but has a write-ahead log (other.db-wal) beside it, so it may be another program’s database: Cairn will not replace it.',
    );
    expect(fingerprint(file)).toEqual(before);
  });
});

/** Another program's SQLite database, killed with its last writes still in the WAL. */
function foreignDatabaseWithPendingWal(file: string): void {
  const script = `
    const Database = require(${JSON.stringify(path.join(REPO_ROOT, 'node_modules', 'better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("CREATE TABLE songs (title TEXT)");
    for (let i = 0; i < 200; i++) db.prepare('INSERT INTO songs VALUES (?)').run('song ' + i);
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script]);
  expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(100_000);
}

describe('a refused file keeps every byte', () => {
  it('refuses a foreign database with a pending WAL without checkpointing it', () => {
    const file = path.join(tempDir(), 'music.db');
    foreignDatabaseWithPendingWal(file);
    const before = fingerprint(file);
    expect(refusal(file).message).toBe(
      'music.db is an SQLite database but not a Cairn graph, so Cairn will not change it.',
    );
    expect(fingerprint(file)).toEqual(before);
    // And the other program still finds all its rows.
    const db = track(new BetterSqlite3(file, { readonly: true }));
    expect(db.prepare('SELECT count(*) AS n FROM songs').get()).toEqual({ n: 200 });
  });

  it('refuses the same file with its -shm gone, creating nothing beside it', () => {
    const file = path.join(tempDir(), 'music.db');
    foreignDatabaseWithPendingWal(file);
    fs.rmSync(`${file}-shm`);
    const before = fingerprint(file);
    refusal(file);
    expect(fingerprint(file)).toEqual(before);
  });

  it('says "damaged" in one line, and where the details are', () => {
    const { db, file } = openTempGraph();
    const page = db.pragma('page_size', { simple: true }) as number;
    const root = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'concepts_by_label'")
      .pluck()
      .get() as number;
    db.close();
    // Scribble over one index page: SQLite opens the file, and quick_check finds dozens of problems.
    const bytes = fs.readFileSync(file);
    for (let i = (root - 1) * page + 100; i < root * page; i += 3) bytes[i] = bytes[i]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const before = fingerprint(file);
    const message = refusal(file).message;
    expect(message).toMatch(
      /^graph\.sqlite is damaged, so Cairn will not open it: SQLite's quick_check found \d+ problems \(run `sqlite3 .*graph\.sqlite "PRAGMA quick_check"` to list them\)\.$/,
    );
    expect(fingerprint(file)).toEqual(before);
  });

  it('refuses a file whose schema version is older than its tables, without leaving a backup', () => {
    const { db, file } = openTempGraph();
    db.pragma('user_version = 1');
    db.close();
    const before = fingerprint(file);
    const error = refusal(file);
    expect(error.code).toBe('corrupt-database');
    expect(error.message).toBe(
      'graph.sqlite says it has schema 1, but its tables do not match that (table positions already exists), so Cairn left it as it was.',
    );
    expect(fingerprint(file)).toEqual(before);
  });
});

describe('a graph under /proc', () => {
  it('is refused at once, even in a folder that cannot exist there', () => {
    expect(refusal('/proc/1/cairn/graph.sqlite').message).toBe(
      'Cairn cannot create graph.sqlite in /proc/1/cairn: that folder does not take new files.',
    );
  });
});
