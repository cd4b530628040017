import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { builtWorkerFile } from '../../built-worker';
import { connectionSource } from '../../db/connection';
import { CairnError, type ErrorInfo } from '../../../shared/errors';
import { jobWrites, runStoreJob, type StoreJob, type StoreJobResult } from './store-jobs';

export type StoreWorkerMessage =
  | { type: 'done'; result: unknown }
  | { type: 'refused'; error: ErrorInfo }
  | { type: 'failed'; message: string; stack?: string; code?: string };

/** The built worker (out/main/store-worker.js); null when run from source. */
const BUILT_WORKER = builtWorkerFile('store-worker.js');

/**
 * Long store work (store-jobs.ts) on a worker thread with its own connection to the
 * graph file, one thread per job. Meanwhile this thread keeps answering: reads see the
 * graph as it was until the job commits (WAL gives each connection its snapshot), and a
 * change asked for meanwhile waits for a writing job to end (`beforeWrite`) instead of
 * meeting SQLite's lock, which would hold this thread for up to its busy timeout.
 * Where no worker is built, or the graph is held in memory, a job runs here instead,
 * still answering asynchronously.
 */
export class BackgroundStore {
  private writing: Promise<unknown> = Promise.resolve();

  /** `workerFile`: the built worker to use (a test's); by default the one built beside this. */
  constructor(
    private readonly db: Database,
    private readonly workerFile: string | null = BUILT_WORKER,
  ) {}

  run<J extends StoreJob>(job: J): Promise<StoreJobResult<J>> {
    const source = connectionSource(this.db);
    const workerFile = this.workerFile;
    const done: Promise<StoreJobResult<J>> =
      workerFile && source
        ? this.writing.then(() => runInWorker(workerFile, source, job))
        : this.writing.then(() => runStoreJob(this.db, job));
    if (jobWrites(job)) this.writing = done.catch(() => undefined);
    return done;
  }

  /** Resolves once no writing job is running: every change waits for it first. */
  beforeWrite(): Promise<unknown> {
    return this.writing;
  }
}

function runInWorker<J extends StoreJob>(
  file: string,
  source: NonNullable<ReturnType<typeof connectionSource>>,
  job: J,
): Promise<StoreJobResult<J>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { source, job } });
    let settled = false;
    const finish = (error: Error | null, result?: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(result as StoreJobResult<J>);
    };
    worker.on('message', (message: StoreWorkerMessage) => {
      if (message.type === 'done') finish(null, message.result);
      else if (message.type === 'refused')
        finish(new CairnError(message.error.code, message.error.message));
      else finish(workerFailure(message));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`the store worker stopped (exit code ${code})`)));
  });
}

/** The worker's unexpected error, as itself: its code tells a damaged page (dispatch.ts). */
function workerFailure(message: Extract<StoreWorkerMessage, { type: 'failed' }>): Error {
  const error = new Error(message.message) as Error & { code?: string };
  if (message.stack) error.stack = message.stack;
  if (message.code) error.code = message.code;
  return error;
}
