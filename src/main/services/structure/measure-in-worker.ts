import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../../built-worker';
import {
  computeMeasures,
  type MeasureProgress,
  type Measures,
  type StructureInput,
} from './measures';

export type MeasureMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; measures: Measures }
  | { type: 'error'; message: string };

/** The built worker (out/main/structure-worker.js); null when run from source. */
const WORKER_FILE = builtWorkerFile('structure-worker.js');

/**
 * Measures on a worker thread, so the thread that answers the app stays free. Where the
 * worker is not built (tests run from source) the measures are taken here instead.
 */
export function measureInWorker(
  input: StructureInput,
  onProgress?: MeasureProgress,
): Promise<Measures> {
  if (!WORKER_FILE) {
    return new Promise((resolve, reject) => {
      // Still asynchronous, as the worker is, so callers behave the same either way.
      setImmediate(() => {
        try {
          resolve(computeMeasures(input, { onProgress }));
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: input });
    let settled = false;
    const finish = (error: Error | null, measures?: Measures) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(measures!);
    };
    worker.on('message', (message: MeasureMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish(null, message.measures);
      else finish(new Error(message.message));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) =>
      finish(new Error(`the structure worker stopped (exit code ${code})`)),
    );
  });
}
