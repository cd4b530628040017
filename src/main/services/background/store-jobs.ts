import type { Database } from 'better-sqlite3';
import type { ExportFile, ImportReport, ImportResolutions, Mutation } from '../../../shared/domain';
import { exportForDownload } from '../export/download';
import type { ExportFormat } from '../export/export';
import type { ExportScope } from '../export/export-model';
import { Editor } from '../editing/editor';
import { GraphReader } from '../graph-reader';
import { importGraph } from '../import/apply-import';
import type { ImportedGraph } from '../import/imported-graph';
import {
  forceLayout,
  iterationsFor,
  positionsToWrite,
  readForceInput,
} from '../layout/force-layout';

/**
 * The long pieces of store work that run on a worker thread with their own connection
 * (background-store.ts), so that the thread answering the app, its menus and the HTTP
 * server stays free: at 100,000 concepts exporting the whole graph takes 2–3 s, placing
 * every concept 3 s, ForceAtlas2 over the whole graph 55 s, and an import's preview or
 * merge seconds. Each is a function of a connection, so the same code runs here where no
 * worker is built (the unit tests, a graph held in memory).
 */
export type StoreJob =
  | { kind: 'export'; format: ExportFormat; baseName: string; scope?: ExportScope }
  | { kind: 'placeUnplaced' }
  | { kind: 'forceLayout' }
  /** An import read in the app: its preview (merged, then rolled back) or its merge. */
  | {
      kind: 'import';
      graph: ImportedGraph;
      file: string;
      dryRun: boolean;
      resolutions?: ImportResolutions;
    };

/** What each job answers. */
export interface StoreJobResults {
  export: ExportFile;
  placeUnplaced: Mutation<{ moved: number }>;
  forceLayout: Mutation<{ moved: number }>;
  import: ImportReport;
}

export type StoreJobResult<J extends StoreJob> = StoreJobResults[J['kind']];

/** How far a job has come, in its own steps (a layout's iterations). */
export interface JobProgress {
  done: number;
  total: number;
}

/** What a job can tell the thread that started it, and wait for. */
export interface JobHooks {
  progress(progress: JobProgress): void;
  /**
   * Resolves when the job may write: a job that computes for long writes only at its
   * end, and the app's own changes go on until then (and wait from then on).
   */
  readyToWrite(): Promise<void>;
}

export const NO_HOOKS: JobHooks = {
  progress: () => undefined,
  readyToWrite: () => Promise.resolve(),
};

/**
 * Whether a job changes the graph from its start (the app's other changes wait until it
 * is done), at its end only (they wait from `readyToWrite` on), or not at all.
 */
export function jobWrites(job: StoreJob): 'throughout' | 'at-the-end' | false {
  // A preview writes too, inside the transaction it rolls back.
  if (job.kind === 'placeUnplaced' || job.kind === 'import') return 'throughout';
  if (job.kind === 'forceLayout') return 'at-the-end';
  return false;
}

/** Runs a job on `db` (the worker's connection, or the app's own). */
export async function runStoreJob<J extends StoreJob>(
  db: Database,
  job: J,
  hooks: JobHooks = NO_HOOKS,
): Promise<StoreJobResult<J>> {
  switch (job.kind) {
    case 'export':
      return exportForDownload(db, job.format, job.baseName, job.scope) as StoreJobResult<J>;
    case 'placeUnplaced':
      return new Editor(db, new GraphReader(db)).placeUnplaced() as StoreJobResult<J>;
    case 'import':
      return importGraph(db, job.graph, job.file, {
        dryRun: job.dryRun,
        resolutions: job.resolutions,
      }) as StoreJobResult<J>;
    case 'forceLayout': {
      const input = readForceInput(db);
      const total = iterationsFor(input.ids.length);
      hooks.progress({ done: 0, total });
      const laidOut = forceLayout(input, total, (done) => hooks.progress({ done, total }));
      await hooks.readyToWrite();
      // Read again now that no change can come between this and the write.
      const positions = positionsToWrite(db, input, laidOut);
      return new Editor(db, new GraphReader(db)).applyLayout(
        'force',
        positions,
      ) as StoreJobResult<J>;
    }
  }
  throw new Error(`The store has no job called ${(job as { kind: string }).kind}.`);
}
