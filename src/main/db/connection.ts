import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { CairnError } from '../../shared/errors';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';

/** Written to the SQLite header so that Cairn can tell its own files from any other database. */
export const CAIRN_APPLICATION_ID = 0x4361726e; // "Carn"

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Fills a newly created database; not called for an existing file. */
  initialize?: (db: Database) => void;
  /** A prebuilt better-sqlite3 addon, for Electron's ABI (see scripts/electron-native.mjs). */
  nativeBinding?: string;
}

export interface OpenedDatabase {
  db: Database;
  file: string;
  created: boolean;
  /** Schema versions applied while opening; a backup was taken first if any were. */
  migrated: number[];
  backup: string | null;
}

/**
 * Opens a Cairn graph file, creating it if it does not exist. A file that is not
 * a Cairn database, has a newer schema or is damaged is refused with one sentence
 * and left exactly as it was.
 */
export function openGraphDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute) || fs.statSync(absolute).size === 0) {
    return createGraphDatabase(absolute, options);
  }
  return openExistingGraphDatabase(absolute, options);
}

function connect(file: string, options: OpenOptions, mustExist: boolean): Database {
  const settings: BetterSqlite3.Options = { fileMustExist: mustExist };
  if (options.nativeBinding) settings.nativeBinding = options.nativeBinding;
  return new BetterSqlite3(file, settings);
}

function applyConnectionPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // WAL with synchronous=NORMAL survives a killed process (only a power cut can
  // lose the last transactions); FULL makes every commit durable on power loss too.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/**
 * Builds the new database beside its final name and renames it into place, so a
 * failure half-way (a bad default graph, a full disk) leaves no file behind.
 */
function createGraphDatabase(file: string, options: OpenOptions): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const building = `${file}.creating-${process.pid}`;
  removeDatabaseFiles(building);
  let db: Database | undefined;
  try {
    db = connect(building, options, false);
    db.pragma('foreign_keys = ON');
    db.pragma(`application_id = ${CAIRN_APPLICATION_ID}`);
    migrate(db);
    if (options.initialize) {
      const initialize = options.initialize;
      const target = db;
      db.transaction(() => initialize(target)).immediate();
    }
    db.close();
    db = undefined;
    fs.renameSync(building, file);
  } catch (error) {
    db?.close();
    removeDatabaseFiles(building);
    throw error;
  }
  const opened = connect(file, options, true);
  applyConnectionPragmas(opened);
  return { db: opened, file, created: true, migrated: [], backup: null };
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function openExistingGraphDatabase(file: string, options: OpenOptions): OpenedDatabase {
  const name = path.basename(file);
  if (!startsWithSqliteHeader(file)) {
    throw new CairnError(
      'not-a-cairn-database',
      `${name} is not a Cairn database: it is not an SQLite file.`,
    );
  }
  let db: Database;
  try {
    db = connect(file, options, true);
  } catch (error) {
    throw asOpenError(name, error);
  }
  try {
    // Read-only checks first: nothing below writes until the file is known to be ours.
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = schemaVersion(db);
    if (applicationId !== CAIRN_APPLICATION_ID) {
      throw new CairnError(
        'not-a-cairn-database',
        `${name} is an SQLite database but not a Cairn graph, so Cairn will not change it.`,
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new CairnError(
        'newer-schema',
        `${name} was written by a newer Cairn (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}): update Cairn to open it.`,
      );
    }
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new CairnError(
        'corrupt-database',
        `${name} is damaged (${check}) and cannot be opened.`,
      );
    }
    let backup: string | null = null;
    if (version < LATEST_SCHEMA_VERSION) {
      backup = `${file}.before-schema-${LATEST_SCHEMA_VERSION}.bak`;
      fs.rmSync(backup, { force: true });
      db.prepare('VACUUM INTO ?').run(backup);
    }
    applyConnectionPragmas(db);
    const migrated = migrate(db);
    return { db, file, created: false, migrated, backup };
  } catch (error) {
    db.close();
    throw asOpenError(name, error);
  }
}

function startsWithSqliteHeader(file: string): boolean {
  const handle = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(handle);
  }
}

function asOpenError(name: string, error: unknown): Error {
  if (error instanceof CairnError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new CairnError(
      'corrupt-database',
      `${name} is damaged and cannot be opened (${(error as Error).message}).`,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new CairnError('io', `${name} cannot be opened: ${(error as Error).message}.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
