import type { LayoutName } from '../../../shared/layouts';
import type { LaidOut, LayoutInput } from './layout-engine';
import type { LayoutRequest } from './layout-worker';

/** A layout on its way: its answer, and a way to stop it. */
export interface RunningLayout {
  result: Promise<LaidOut[]>;
  cancel(): void;
}

export class LayoutCancelled extends Error {
  constructor() {
    super('The layout was cancelled.');
  }
}

/**
 * Runs one layout in a web worker of its own. Cancel terminates the worker at once (fcose
 * and elkjs have no way to stop half-way), and the positions are left as they were.
 */
export function runLayoutInWorker(name: LayoutName, input: LayoutInput): RunningLayout {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  let settle: ((outcome: { positions?: LaidOut[]; error?: unknown }) => void) | null = null;
  const result = new Promise<LaidOut[]>((resolve, reject) => {
    settle = ({ positions, error }) => {
      settle = null;
      worker.terminate();
      if (positions) resolve(positions);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
  });
  worker.onmessage = (event: MessageEvent<{ positions?: LaidOut[]; error?: string }>) =>
    settle?.(event.data.positions ? { positions: event.data.positions } : event.data);
  worker.onerror = (event) => settle?.({ error: new Error(event.message || 'The layout failed.') });
  worker.postMessage({ name, input } satisfies LayoutRequest);
  return { result, cancel: () => settle?.({ error: new LayoutCancelled() }) };
}
