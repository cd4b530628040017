import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/errors';

/**
 * Writes a file through a temporary sibling and renames it into place, so that a
 * failed export never leaves a half-written file where the user asked for one.
 */
export function writeFileAtomically(
  file: string,
  write: (emit: (chunk: string) => void) => void,
): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) {
    throw new CairnError('io', `Cannot write ${file}: the folder ${dir} does not exist.`);
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
    fs.rmSync(temporary, { force: true });
    if (error instanceof CairnError) throw error;
    throw new CairnError('io', `Cannot write ${file}: ${(error as Error).message}.`);
  }
}
