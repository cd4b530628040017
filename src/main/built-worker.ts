import fs from 'node:fs';
import path from 'node:path';

/**
 * The path of a worker thread's built file (out/main/NAME), or null when run from source
 * (the unit tests). Code that starts a worker may be bundled into out/main or into
 * out/main/chunks, so both are looked at: until this looked only beside the calling
 * code, a built CLI in a chunk never found its workers and did their work on its own thread.
 */
export function builtWorkerFile(name: string): string | null {
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  // Set by the test that runs the built CLI, so that a worker not found fails it
  // instead of quietly doing the work on the calling thread.
  if (process.env.CAIRN_EXPECT_WORKERS === '1')
    throw new Error(`the built worker ${name} was not found beside ${__dirname}`);
  return null;
}
