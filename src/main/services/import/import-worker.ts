// The import reader as a worker thread (built to out/main/import-worker.js): it parses
// the file and posts what it reads in batches, so that on a machine with two cores the
// main thread inserts one batch while the next is being parsed. See parse-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { CairnError } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/import-formats';
import { streamImport } from '.';
import type { WorkerItem, WorkerMessage } from './parse-in-worker';

const BATCH = 2_000;
/** Batches posted but not yet written by the main thread; past this, reading waits. */
const AHEAD = 4;
const { target, format } = workerData as { target: string; format: ImportFormat | undefined };
let items: WorkerItem[] = [];
let unwritten = 0;
let resume: (() => void) | null = null;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const flush = () => {
  if (items.length > 0) {
    post({ type: 'items', items });
    unwritten++;
  }
  items = [];
};
// The main thread acknowledges each batch once written, so that a file is never held
// whole in memory as messages when parsing runs ahead of writing.
parentPort!.on('message', () => {
  unwritten--;
  if (unwritten <= AHEAD && resume) {
    resume();
    resume = null;
  }
});
const pace = () =>
  unwritten <= AHEAD ? Promise.resolve() : new Promise<void>((done) => (resume = done));
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
    view: (value) => push({ kind: 'view', value }),
    warning: (value) => push({ kind: 'warning', value }),
  },
  { onProgress: (done, total) => post({ type: 'progress', done, total }), pace },
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
