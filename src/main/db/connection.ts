import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { CairnError } from '../../shared/errors';
import { fileSystemError, inspectGraphPath, readOnlyReason, readSqliteHeader } from './graph-file';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { makeFolders } from '../make-folders';

/** Written to the SQLite header so that Cairn can tell its own files from any other database. */
export const CAIRN_APPLICATION_ID = 0x4361726e; // "Carn"

export interface OpenOptions {
  /** Fills a newly created database; not called for an existing file. */
  initialize?: (db: Database) => void;
  /** A prebuilt better-sqlite3 addon, for Electron's ABI (see scripts/electron-native.mjs). */
  nativeBinding?: string;
  /** Open for reading only even where the file could be written. */
  readOnly?: boolean;
}

export interface OpenedDatabase {
  db: Database;
  file: string;
  created: boolean;
  /** Schema versions applied while opening; a backup was taken first if any were. */
  migrated: number[];
  backup: string | null;
  /** Opened for reading only, because the file or its folder cannot be written (or on request). */
  readOnly: boolean;
}

/**
 * Opens a Cairn graph file, creating it if it does not exist. Anything but a regular
 * file is refused; a file that is not a Cairn database, has a newer schema or is
 * damaged is refused with one sentence and left exactly as it was; a file that
 * cannot be written is opened read-only.
 */
export function openGraphDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const absolute = path.resolve(file);
  const found = inspectGraphPath(absolute);
  if (found.kind === 'file') return openExistingGraphDatabase(absolute, options);
  if (found.kind === 'empty' && readOnlyReason(absolute)) {
    throw new CairnError(
      'io',
      `${path.basename(absolute)} is an empty file that Cairn cannot write, so it cannot become a graph.`,
    );
  }
  return createGraphDatabase(absolute, options);
}

// The addon each connection was opened with (Node's build, or Electron's): a copy made
// later (time travel's) is opened with the same one as the graph it copies.
const bindings = new WeakMap<Database, string>();

function connect(
  file: string | Buffer,
  options: OpenOptions,
  settings: BetterSqlite3.Options,
): Database {
  if (options.nativeBinding) settings.nativeBinding = options.nativeBinding;
  const db = new BetterSqlite3(file, settings);
  if (options.nativeBinding) bindings.set(db, options.nativeBinding);
  return db;
}

/**
 * A copy of the graph in memory, to change freely (time travel undoes the log on it):
 * the committed contents, read through SQLite, so what the WAL holds is in it too.
 */
export function inMemoryCopy(db: Database): Database {
  const image = db.serialize();
  // The header says WAL (file format bytes 18 and 19 are 2), which a database in memory
  // cannot be: it opens in the rollback-journal mode (1) instead.
  image[18] = 1;
  image[19] = 1;
  const copy = connect(image, { nativeBinding: bindings.get(db) }, {});
  copy.pragma('foreign_keys = ON');
  return copy;
}

/** Where a second connection to the same graph comes from: its file and addon. */
export interface ConnectionSource {
  file: string;
  nativeBinding?: string;
  readOnly: boolean;
}

/**
 * What a worker thread needs to open its own connection to this graph (long store work
 * runs there, services/background), or null for a graph held in memory, which no other
 * thread can reach.
 */
export function connectionSource(db: Database): ConnectionSource | null {
  if (db.memory) return null;
  return { file: db.name, nativeBinding: bindings.get(db), readOnly: db.readonly };
}

/**
 * A second connection to a graph this process has already opened, checked and
 * migrated (by openGraphDatabase): a worker thread's. WAL lets it write while the
 * first reads, and read while the first writes.
 */
export function openSecondConnection(source: ConnectionSource, readOnly: boolean): Database {
  const db = connect(
    source.file,
    { nativeBinding: source.nativeBinding },
    { fileMustExist: true, readonly: readOnly || source.readOnly },
  );
  applyConnectionSettings(db);
  return db;
}

/** Per-connection settings: none of them writes to the file. */
function applyConnectionSettings(db: Database): void {
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
  const name = path.basename(file);
  const cannotCreate = `Cairn cannot create ${name} in ${path.dirname(file)}`;
  const building = `${file}.creating-${process.pid}`;
  try {
    makeFolders(path.dirname(file));
    removeDatabaseFiles(building);
    // Made here rather than by SQLite so that a refusal (a read-only folder, /proc)
    // comes with the system's reason instead of "unable to open database file".
    fs.closeSync(fs.openSync(building, 'wx'));
  } catch (error) {
    throw fileSystemError(error, cannotCreate);
  }
  let db: Database | undefined;
  try {
    db = connect(building, options, { fileMustExist: true });
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
    throw fileSystemError(error, cannotCreate);
  }
  const opened = connect(file, options, { fileMustExist: true });
  opened.pragma('journal_mode = WAL');
  applyConnectionSettings(opened);
  return { db: opened, file, created: true, migrated: [], backup: null, readOnly: false };
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function openExistingGraphDatabase(file: string, options: OpenOptions): OpenedDatabase {
  const name = path.basename(file);
  // First the header as the file holds it, so that another program's database is
  // refused before SQLite opens it (opening would checkpoint a pending WAL into it).
  const header = readSqliteHeader(file);
  if (!header) {
    throw new CairnError(
      'not-a-cairn-database',
      `${name} is not a Cairn database: it is not an SQLite file.`,
    );
  }
  if (header.applicationId !== CAIRN_APPLICATION_ID) throw notCairn(name);
  if (header.userVersion > LATEST_SCHEMA_VERSION) throw newerSchema(name, header.userVersion);

  // Then the same checks through SQLite (the WAL may hold newer pages), and quick_check,
  // on a read-only connection, which can neither checkpoint nor write.
  const readOnly = options.readOnly === true || readOnlyReason(file) !== null;
  const absentBefore = WAL_FILES.filter((suffix) => !fs.existsSync(file + suffix));
  const check = openForReading(file, options);
  let version: number;
  try {
    version = checkGraph(check, file, needsFullCheck(file, header.userVersion));
    if (readOnly) {
      if (version < LATEST_SCHEMA_VERSION) {
        throw new CairnError(
          'io',
          `${name} was written by an older Cairn (schema ${version}) and is read-only, so Cairn cannot upgrade it: make it writable and open it again.`,
        );
      }
      applyConnectionSettings(check);
      return { db: check, file, created: false, migrated: [], backup: null, readOnly: true };
    }
  } catch (error) {
    check.close();
    removeEmptyWalFiles(file, absentBefore);
    throw asOpenError(name, error);
  }
  check.close();

  let db: Database;
  try {
    db = connect(file, options, { fileMustExist: true });
  } catch (error) {
    throw asOpenError(name, error);
  }
  let backup: string | null = null;
  try {
    applyConnectionSettings(db);
    if (version < LATEST_SCHEMA_VERSION) {
      backup = `${file}.before-schema-${LATEST_SCHEMA_VERSION}.bak`;
      fs.rmSync(backup, { force: true });
      db.prepare('VACUUM INTO ?').run(backup);
    }
    const migrated = upgrade(db, name, version);
    if (backup && migrated.length === 0) backup = null;
    db.pragma('journal_mode = WAL');
    return { db, file, created: false, migrated, backup, readOnly: false };
  } catch (error) {
    db.close();
    if (backup) fs.rmSync(backup, { force: true });
    throw asOpenError(name, error);
  }
}

const WAL_FILES = ['-wal', '-shm'] as const;

/**
 * A read-only connection leaves behind the empty -wal and the -shm it made; a refused
 * file gets its folder back as it was. They hold nothing while the -wal is empty.
 */
function removeEmptyWalFiles(file: string, made: readonly string[]): void {
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (wal && wal.size > 0) return;
  for (const suffix of made) fs.rmSync(file + suffix, { force: true });
}

/**
 * A read-only connection. In a folder Cairn cannot write, SQLite cannot make the WAL's
 * shared-memory index, so a file whose WAL is empty is read from a copy in memory
 * (as SQLite's `immutable` would); one with a pending WAL cannot be read at all.
 */
function openForReading(file: string, options: OpenOptions): Database {
  const name = path.basename(file);
  let db: Database | undefined;
  try {
    db = connect(file, options, { readonly: true, fileMustExist: true });
    // SQLite opens lazily: the first read is where a missing -shm shows.
    db.pragma('schema_version');
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_CANTOPEN')
      throw asOpenError(name, error);
  }
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (wal && wal.size > 0) {
    throw new CairnError(
      'io',
      `${name} has changes waiting in ${name}-wal, and its folder is read-only, so Cairn cannot read them: make the folder writable and open it again.`,
    );
  }
  const bytes = fs.readFileSync(file);
  // An in-memory database cannot be in WAL mode: mark the copy as a rollback-journal file.
  bytes[18] = 1;
  bytes[19] = 1;
  try {
    return connect(bytes, options, { readonly: true });
  } catch (error) {
    throw asOpenError(name, error);
  }
}

/**
 * Up to this size every open reads the whole file with quick_check (about 0.4 s here).
 * A bigger one is checked in full only when it is likelier to be damaged or about to
 * be rewritten (needsFullCheck): the check took 1.3 s at 100,000 concepts, more than a
 * reopen may take, and grows with the file. SQLite still finds a damaged page when it
 * reads one, and the services say so in one sentence (dispatch.ts).
 */
export const FULL_CHECK_BYTES = 32 * 1024 * 1024;

/**
 * What a damaged page met after opening becomes (SQLite's SQLITE_CORRUPT), in the
 * services and the CLI alike; `what` names the work that had to read it.
 */
export function damagedWhileReading(error: unknown, what: string): CairnError | null {
  if ((error as { code?: unknown } | null)?.code !== 'SQLITE_CORRUPT') return null;
  return new CairnError(
    'corrupt-database',
    `The graph file is damaged where ${what} had to read it: copy the file, then run \`sqlite3 COPY "PRAGMA quick_check"\` on the copy to see where.`,
  );
}

/** A small file, one the last session left with pending changes, or one to migrate. */
export function needsFullCheck(file: string, userVersion: number): boolean {
  const size = fs.statSync(file).size;
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  return (
    size <= FULL_CHECK_BYTES ||
    (wal !== undefined && wal.size > 0) ||
    userVersion < LATEST_SCHEMA_VERSION
  );
}

/** The checks that need SQLite; returns the schema version. */
function checkGraph(db: Database, file: string, fullCheck: boolean): number {
  const name = path.basename(file);
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== CAIRN_APPLICATION_ID) throw notCairn(name);
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw newerSchema(name, version);
  if (!fullCheck) return version;
  // quick_check lists a problem per line (the first row may hold many, after a
  // "*** in database main ***" line); a user gets the count and how to see them.
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows
    .flatMap((row) => row.quick_check.split('\n'))
    .filter((line) => line.length > 0 && !line.startsWith('***'));
  if (problems.length === 1 && problems[0] === 'ok') return version;
  const count = problems.length >= 100 ? '100 or more problems' : plural(problems.length);
  throw new CairnError(
    'corrupt-database',
    `${name} is damaged, so Cairn will not open it: SQLite's quick_check found ${count} (run \`sqlite3 ${file} "PRAGMA quick_check"\` to list them).`,
  );
}

function plural(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}

/** Applies pending migrations; one that fails leaves the file as it was (one transaction). */
function upgrade(db: Database, name: string, version: number): number[] {
  try {
    return migrate(db);
  } catch (error) {
    if (error instanceof CairnError) throw error;
    const reason = firstLine(error).replace(/\.$/, '');
    throw new CairnError(
      'corrupt-database',
      `${name} says it has schema ${version}, but its tables do not match that (${reason}), so Cairn left it as it was.`,
    );
  }
}

function notCairn(name: string): CairnError {
  return new CairnError(
    'not-a-cairn-database',
    `${name} is an SQLite database but not a Cairn graph, so Cairn will not change it.`,
  );
}

function newerSchema(name: string, version: number): CairnError {
  return new CairnError(
    'newer-schema',
    `${name} was written by a newer Cairn (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}): update Cairn to open it.`,
  );
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim();
}

function asOpenError(name: string, error: unknown): Error {
  if (error instanceof CairnError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new CairnError(
      'corrupt-database',
      `${name} is damaged and cannot be opened (${firstLine(error).replace(/\.$/, '')}).`,
    );
  }
  if (typeof code === 'string' && /^SQLITE_(CANTOPEN|READONLY|PERM|IOERR|BUSY|LOCKED)/.test(code)) {
    return new CairnError(
      'io',
      `${name} cannot be opened: ${firstLine(error).replace(/\.$/, '')}.`,
    );
  }
  return fileSystemError(error, `${name} cannot be opened`);
}
