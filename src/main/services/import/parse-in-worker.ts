import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../../built-worker';
import { CairnError, type ErrorInfo } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/import-formats';
import type {
  ImportedCategory,
  ImportedConcept,
  ImportedLink,
  ImportedView,
  ImportSink,
} from './imported-graph';
import type { TextStreamOptions } from './read-text';
import { streamImport } from '.';

export type WorkerItem =
  | { kind: 'category'; value: ImportedCategory }
  | { kind: 'concept'; value: ImportedConcept }
  | { kind: 'link'; value: ImportedLink }
  | { kind: 'view'; value: ImportedView }
  | { kind: 'warning'; value: string };

export type WorkerMessage =
  | { type: 'items'; items: WorkerItem[] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; error: ErrorInfo };

/** The built worker (out/main/import-worker.js); null when run from source. */
const WORKER_FILE = builtWorkerFile('import-worker.js');

/**
 * Reads a file into `sink` on a worker thread, handing each batch to the sink on this
 * thread as it arrives. Where the worker is not built (tests run from source), the
 * same reader runs here instead. An error of the sink stops the worker.
 */
export function streamImportInWorker(
  target: string,
  format: ImportFormat | undefined,
  sink: ImportSink,
  options: TextStreamOptions = {},
): Promise<void> {
  if (!WORKER_FILE) return streamImport(target, format, sink, options).then(() => {});
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { target, format } });
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () =>
      finish(new DOMException('The import was cancelled.', 'AbortError') as unknown as Error);
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'items':
            for (const item of message.items) {
              if (item.kind === 'concept') sink.concept(item.value);
              else if (item.kind === 'link') sink.link(item.value);
              else if (item.kind === 'category') sink.category(item.value);
              else if (item.kind === 'view') sink.view(item.value);
              else sink.warning(item.value);
            }
            worker.postMessage('written');
            break;
          case 'progress':
            options.onProgress?.(message.done, message.total);
            break;
          case 'done':
            finish();
            break;
          case 'error':
            finish(new CairnError(message.error.code, message.error.message));
            break;
        }
      } catch (error) {
        finish(error as Error);
      }
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => {
      if (!settled) finish(new Error(`the import reader stopped (exit code ${code})`));
    });
  });
}
