// The store worker thread (built to out/main/store-worker.js): opens its own connection
// to the graph and runs one long job on it (store-jobs.ts), so that the thread answering
// the app stays free. See background-store.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openSecondConnection, type ConnectionSource } from '../../db/connection';
import { CairnError } from '../../../shared/errors';
import { jobWrites, runStoreJob, type StoreJob } from './store-jobs';
import type { StoreWorkerMessage, StoreWorkerReply } from './background-store';

const { source, job } = workerData as { source: ConnectionSource; job: StoreJob };
const port = parentPort!;
const post = (message: StoreWorkerMessage) => port.postMessage(message);

/** Asks the app's thread for leave to write, and waits for it. */
const readyToWrite = () =>
  new Promise<void>((resolve) => {
    port.on('message', (reply: StoreWorkerReply) => {
      if (reply.type === 'write') resolve();
    });
    post({ type: 'ready-to-write' });
  });

async function main(): Promise<void> {
  try {
    const db = openSecondConnection(source, jobWrites(job) === false);
    try {
      const result = await runStoreJob(db, job, {
        progress: (progress) => post({ type: 'progress', progress }),
        readyToWrite,
      });
      post({ type: 'done', result });
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof CairnError) post({ type: 'refused', error: error.toInfo() });
    else {
      const { message, stack, code } = error as Error & { code?: unknown };
      post({ type: 'failed', message, stack, code: typeof code === 'string' ? code : undefined });
    }
  }
}

void main();
