import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../shared/errors';

// What a path given as a graph file is, read from the file system and the first 100
// bytes of the file only, before SQLite is given the file: SQLite would create,
// replace, lock or checkpoint what it is handed, and Cairn must not do any of that
// to a file it is going to refuse.

/** What is at a path that may become a graph. */
export type GraphPath =
  | { kind: 'missing' }
  /** A zero-byte regular file: taken as a new graph, as `touch graph.sqlite` means. */
  | { kind: 'empty' }
  | { kind: 'file' };

const NOT_A_FILE: [test: (stat: fs.Stats) => boolean, what: string][] = [
  [(s) => s.isFIFO(), 'a named pipe'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), 'a device'],
  [(s) => s.isSocket(), 'a socket'],
];

/**
 * Only a regular file or a missing path may become a graph: a pipe, a device or a
 * socket is refused (SQLite would replace it), and so is a folder.
 */
export function inspectGraphPath(file: string): GraphPath {
  const name = path.basename(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw fileSystemError(error, `${name} cannot be opened`);
  }
  if (!stat) return { kind: 'missing' };
  if (stat.isDirectory()) {
    throw new CairnError(
      'invalid-argument',
      `${name} is a folder, not a file: give the path of a graph file.`,
    );
  }
  if (!stat.isFile()) {
    const what = NOT_A_FILE.find(([test]) => test(stat))?.[1] ?? 'not a regular file';
    throw new CairnError(
      'invalid-argument',
      `${name} is ${what}, not a file: Cairn keeps a graph only in a regular file.`,
    );
  }
  if (stat.size > 0) return { kind: 'file' };
  // An empty file whose WAL holds pages is a database being written, not a new file.
  const wal = fs.statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (wal && wal.size > 0) {
    throw new CairnError(
      'not-a-cairn-database',
      `${name} is empty but has a write-ahead log (${name}-wal) beside it, so it may be another program’s database: Cairn will not replace it.`,
    );
  }
  return { kind: 'empty' };
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The fields of the 100-byte SQLite header that say whose file this is (sqlite.org/fileformat.html). */
export interface SqliteHeader {
  applicationId: number;
  userVersion: number;
}

/** The header as the file holds it, or null when the file does not start like an SQLite database. */
export function readSqliteHeader(file: string): SqliteHeader | null {
  const handle = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    if (read < header.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC))
      return null;
    return { userVersion: header.readInt32BE(60), applicationId: header.readUInt32BE(68) };
  } finally {
    fs.closeSync(handle);
  }
}

/** Why a graph must be opened read-only, or null when Cairn may write to it. */
export function readOnlyReason(file: string): 'file' | 'folder' | null {
  if (!canWrite(file)) return 'file';
  if (!canWrite(path.dirname(file))) return 'folder';
  return null;
}

function canWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'part of the path is not a folder',
  EEXIST: 'part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'that folder does not take new files',
  ELOOP: 'the path has a loop of symbolic links',
};

/** A file-system failure as one sentence: `${what}: ${reason}.` */
export function fileSystemError(error: unknown, what: string): Error {
  if (error instanceof CairnError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  return new CairnError('io', `${what}: ${REASONS[code] ?? `the system said ${code}`}.`);
}
