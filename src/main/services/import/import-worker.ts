// The import reader as a worker thread (built to out/main/import-worker.js): it parses
// the file and posts what it reads in batches, so that on a machine with two cores the
// main thread inserts one batch while the next is being parsed. See parse-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { CairnError } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/import-formats';
import { streamImport } from '.';
import type { WorkerItem, WorkerMessage } from './parse-in-worker';

const BATCH = 2_000;
const { target, format } = workerData as { target: string; format: ImportFormat | undefined };
let items: WorkerItem[] = [];
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const flush = () => {
  if (items.length > 0) post({ type: 'items', items });
  items = [];
};
const push = (item: WorkerItem) => {
  items.push(item);
  if (items.length >= BATCH) flush();
};

streamImport(
  target,
  format,
  {
    category: (value) => push({ kind: 'category', value }),
    concept: (value) => push({ kind: 'concept', value }),
    link: (value) => push({ kind: 'link', value }),
    warning: (value) => push({ kind: 'warning', value }),
  },
  { onProgress: (done, total) => post({ type: 'progress', done, total }) },
).then(
  () => {
    flush();
    post({ type: 'done' });
  },
  (error: unknown) =>
    post({
      type: 'error',
      error:
        error instanceof CairnError
          ? error.toInfo()
          : { code: 'internal', message: (error as Error)?.message ?? String(error) },
    }),
);
