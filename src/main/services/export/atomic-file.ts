import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/errors';

/** A system error in words a user can act on, without the call and path Node appends. */
function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EBUSY':
      return 'it is in use by another program';
    default:
      return (error as Error).message.replace(/\.$/, '');
  }
}

function ioError(target: string, error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  return new CairnError('io', `Cannot write ${target}: ${describe(error)}.`);
}

function requireParentFolder(target: string, shown: string): string {
  const dir = path.dirname(target);
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(dir).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CairnError('io', `Cannot write ${shown}: the folder ${dir} does not exist.`);
    }
    throw ioError(shown, error);
  }
  if (!isFolder) throw ioError(shown, Object.assign(new Error(), { code: 'ENOTDIR' }));
  return dir;
}

/** Cleanup after a failure must not hide the failure itself. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { recursive: true, force: true });
  } catch {
    // Nothing more can be done; the original error is what the user needs to see.
  }
}

function writeAndSync(file: string, content: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a file through a temporary sibling and renames it into place, so that a
 * failed export never leaves a half-written file where the user asked for one.
 */
export function writeFileAtomically(
  file: string,
  write: (emit: (chunk: string) => void) => void,
): void {
  const target = path.resolve(file);
  const dir = requireParentFolder(target, file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new CairnError(
      'io',
      `Cannot write ${file}: it is a folder, and this format writes one file; give a file name.`,
    );
  }
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.partial`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'w');
    const handle = fd;
    let buffered: string[] = [];
    let size = 0;
    const flush = () => {
      if (buffered.length > 0) fs.writeSync(handle, buffered.join(''));
      buffered = [];
      size = 0;
    };
    write((chunk) => {
      buffered.push(chunk);
      size += chunk.length;
      if (size > 1 << 20) flush();
    });
    flush();
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    fd = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    removeQuietly(temporary);
    throw ioError(file, error);
  }
}

/** Written into every exported folder: what Cairn wrote there, so a later export may replace it. */
export const FOLDER_MANIFEST = '.cairn-export.json';

interface Manifest {
  format: string;
  files: Record<string, string>;
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** Every file under `dir`, as `/`-separated relative paths, skipping the top-level `skip` entries. */
function listFiles(dir: string, skip: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (!relative && skip.has(entry.name)) continue;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found;
}

/**
 * A folder may be replaced when it is empty, or when it holds only what an earlier Cairn
 * export wrote there, unchanged. Anything else is the user's, and is never deleted.
 */
function checkReplaceable(target: string, shown: string, keep: ReadonlySet<string>): void {
  const files = listFiles(target, keep);
  if (files.length === 0) return;
  let manifest: Manifest | null = null;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(target, FOLDER_MANIFEST), 'utf8')) as Manifest;
  } catch {
    manifest = null;
  }
  const refuse = (file: string, why: string) =>
    new CairnError(
      'io',
      `Cannot export to ${shown}: the folder holds "${file}", ${why}; choose a new or empty folder.`,
    );
  if (!manifest || typeof manifest.files !== 'object' || manifest.files === null) {
    throw refuse(files[0]!, 'and it is not a folder Cairn exported to');
  }
  for (const file of files) {
    if (file === FOLDER_MANIFEST) continue;
    const expected = manifest.files[file];
    if (expected === undefined) throw refuse(file, 'which Cairn did not write');
    if (sha256(fs.readFileSync(path.join(target, file))) !== expected) {
      throw refuse(file, 'which was changed after Cairn wrote it');
    }
  }
}

function safeRelativePath(relative: string): string {
  const parts = relative.split('/');
  if (
    relative === FOLDER_MANIFEST ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))
  ) {
    throw new Error(`an exporter asked to write an invalid path "${relative}"`);
  }
  return path.join(...parts);
}

export interface FolderWriteOptions {
  /** Names the manifest records (e.g. "csv"). */
  format: string;
  /** Top-level entries of an existing folder carried into the new one, e.g. Obsidian's `.obsidian`. */
  keep?: readonly string[];
}

/**
 * Builds a whole folder under a temporary sibling name, then swaps it into place. An
 * existing folder is replaced only when it is empty or holds exactly what an earlier
 * Cairn export wrote (see checkReplaceable); until the swap, nothing the user can see changes.
 */
export function writeFolderAtomically(
  folder: string,
  options: FolderWriteOptions,
  write: (put: (relativePath: string, content: string) => void) => void,
): void {
  const target = path.resolve(folder);
  const dir = requireParentFolder(target, folder);
  const keep = new Set(options.keep ?? []);
  const exists = fs.existsSync(target);
  if (exists) {
    if (!fs.statSync(target).isDirectory()) {
      throw new CairnError(
        'io',
        `Cannot export to ${folder}: it is a file, and this format writes a folder; give a folder name.`,
      );
    }
    checkReplaceable(target, folder, keep);
  }
  const base = path.basename(target);
  const temporary = path.join(dir, `.${base}.${process.pid}.partial`);
  const previous = path.join(dir, `.${base}.${process.pid}.previous`);
  const moved: string[] = [];
  let swapped = false;
  try {
    fs.rmSync(temporary, { recursive: true, force: true });
    fs.mkdirSync(temporary);
    const manifest: Manifest = { format: options.format, files: {} };
    write((relative, content) => {
      const file = path.join(temporary, safeRelativePath(relative));
      if (manifest.files[relative] !== undefined) {
        throw new Error(`an exporter wrote "${relative}" twice`);
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeAndSync(file, content);
      manifest.files[relative] = sha256(content);
    });
    writeAndSync(path.join(temporary, FOLDER_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    if (exists) {
      for (const name of keep) {
        if (fs.existsSync(path.join(target, name))) {
          fs.renameSync(path.join(target, name), path.join(temporary, name));
          moved.push(name);
        }
      }
      fs.renameSync(target, previous);
      swapped = true;
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    // Put back whatever was moved, so the folder is as it was before the export.
    try {
      if (swapped && !fs.existsSync(target)) fs.renameSync(previous, target);
      for (const name of moved) {
        if (fs.existsSync(path.join(temporary, name))) {
          fs.renameSync(path.join(temporary, name), path.join(target, name));
        }
      }
      removeQuietly(temporary);
    } catch {
      // Leave the temporary folder: it may hold the only copy of what was moved.
    }
    throw ioError(folder, error);
  }
  // The export is in place; the earlier one is only clutter now, so a failure here is not an error.
  if (swapped) {
    try {
      fs.rmSync(previous, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // The export itself succeeded; the old copy stays as a hidden sibling, harmless.
    }
  }
}
