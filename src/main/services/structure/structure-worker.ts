// The structure measures as a worker thread (built to out/main/structure-worker.js), so
// that measuring a big graph never holds up the thread that answers the app. See
// measure-in-worker.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { computeMeasures, type StructureInput } from './measures';
import type { MeasureMessage } from './measure-in-worker';

const post = (message: MeasureMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);
try {
  const measures = computeMeasures(workerData as StructureInput, {
    onProgress: (done, total) => post({ type: 'progress', done, total }),
  });
  const arrays = [
    measures.keys,
    measures.inDegree,
    measures.outDegree,
    measures.pagerank,
    measures.betweenness,
    measures.component,
    measures.community,
  ];
  post({ type: 'done', measures }, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
}
