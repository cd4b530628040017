import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { builtWorkerFile } from '../../built-worker';
import { connectionSource, type ConnectionSource } from '../../db/connection';
import { CairnError, type ErrorInfo } from '../../../shared/errors';
import {
  jobWrites,
  runStoreJob,
  type JobHooks,
  type JobProgress,
  type StoreJob,
  type StoreJobResult,
} from './store-jobs';

/** What the worker tells this thread. */
export type StoreWorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'ready-to-write' }
  | { type: 'done'; result: unknown }
  | { type: 'refused'; error: ErrorInfo }
  | { type: 'failed'; message: string; stack?: string; code?: string };

/** What this thread tells the worker: that it may write now. */
export type StoreWorkerReply = { type: 'write' };

/** How a caller follows a job: its progress, and a way to stop it before it writes. */
export interface RunOptions {
  onProgress?: (progress: JobProgress) => void;
  /** Aborting stops the job if it has not begun to write; then nothing has changed. */
  signal?: AbortSignal;
  /** Hears when the job begins to write: from then on it can no longer be stopped. */
  onWriting?: () => void;
}

/** The built worker (out/main/store-worker.js); null when run from source. */
const BUILT_WORKER = builtWorkerFile('store-worker.js');

export const CANCELLED = 'The work was cancelled; nothing changed.';

/**
 * Long store work (store-jobs.ts) on a worker thread with its own connection to the
 * graph file, one thread per job. Meanwhile this thread keeps answering: reads see the
 * graph as it was until the job commits (WAL gives each connection its snapshot), and a
 * change asked for while a job writes waits for it (`beforeWrite`) instead of meeting
 * SQLite's lock, which would hold this thread for up to its busy timeout. A job that
 * computes for long (a layout) writes only at its end, so changes go on until then.
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

  run<J extends StoreJob>(job: J, options: RunOptions = {}): Promise<StoreJobResult<J>> {
    const source = connectionSource(this.db);
    const workerFile = this.workerFile;
    const writes = jobWrites(job);
    let release = () => undefined as void;
    // A job writing at its end holds the gate from then until it ends.
    const readyToWrite = async () => {
      const before = this.writing;
      this.writing = new Promise<void>((resolve) => (release = resolve));
      await before;
    };
    const start = writes === 'throughout' ? this.writing : Promise.resolve();
    const done: Promise<StoreJobResult<J>> = start.then(() =>
      workerFile && source
        ? runInWorker(workerFile, source, job, options, readyToWrite)
        : runStoreJob(this.db, job, {
            progress: (p) => options.onProgress?.(p),
            readyToWrite: async () => {
              if (options.signal?.aborted) throw new CairnError('conflict', CANCELLED);
              await readyToWrite();
              options.onWriting?.();
            },
          } satisfies JobHooks),
    );
    if (writes === 'throughout') this.writing = done.catch(() => undefined);
    if (writes === 'at-the-end') void done.catch(() => undefined).finally(() => release());
    return done;
  }

  /** Resolves once no job is writing: every change waits for it first. */
  beforeWrite(): Promise<unknown> {
    return this.writing;
  }
}

function runInWorker<J extends StoreJob>(
  file: string,
  source: ConnectionSource,
  job: J,
  options: RunOptions,
  readyToWrite: () => Promise<void>,
): Promise<StoreJobResult<J>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { source, job } });
    let settled = false;
    let writing = false;
    const finish = (error: Error | null, result?: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result as StoreJobResult<J>);
    };
    // Before it writes, a job holds nothing: stopping its thread loses only its work.
    const onAbort = () => {
      if (!writing) finish(new CairnError('conflict', CANCELLED));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: StoreWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'ready-to-write') {
        void readyToWrite().then(() => {
          if (settled) return;
          writing = true;
          options.onWriting?.();
          worker.postMessage({ type: 'write' } satisfies StoreWorkerReply);
        });
      } else if (message.type === 'done') finish(null, message.result);
      else if (message.type === 'refused')
        finish(new CairnError(message.error.code, message.error.message));
      else finish(workerFailure(message));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) =>
      finish(
        new Error(`The store's worker thread stopped before it answered (exit code ${code}).`),
      ),
    );
  });
}

/** The worker's unexpected error, as itself: its code tells a damaged page (dispatch.ts). */
function workerFailure(message: Extract<StoreWorkerMessage, { type: 'failed' }>): Error {
  const error = new Error(message.message) as Error & { code?: string };
  if (message.stack) error.stack = message.stack;
  if (message.code) error.code = message.code;
  return error;
}
