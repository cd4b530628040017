import type { Database } from 'better-sqlite3';
import type { ExportFile, Mutation } from '../../../shared/domain';
import { exportForDownload } from '../export/download';
import type { ExportFormat } from '../export/export';
import type { ExportScope } from '../export/export-model';
import { Editor } from '../editing/editor';
import { GraphReader } from '../graph-reader';

/**
 * The long pieces of store work that run on a worker thread with their own connection
 * (background-store.ts), so that the thread answering the app, its menus and the HTTP
 * server stays free: at 100,000 concepts exporting the whole graph takes about 5 s and
 * placing every concept 5.6 s. Each is a plain function of a connection, so the same code
 * runs here where no worker is built (the unit tests, a graph held in memory).
 */
export type StoreJob =
  | { kind: 'export'; format: ExportFormat; baseName: string; scope?: ExportScope }
  | { kind: 'placeUnplaced' };

/** What each job answers. */
export interface StoreJobResults {
  export: ExportFile;
  placeUnplaced: Mutation<{ moved: number }>;
}

export type StoreJobResult<J extends StoreJob> = StoreJobResults[J['kind']];

/** Whether a job changes the graph: the app's other changes wait until it is done. */
export function jobWrites(job: StoreJob): boolean {
  return job.kind === 'placeUnplaced';
}

/** Runs a job on `db` (the worker's connection, or the app's own). */
export function runStoreJob<J extends StoreJob>(db: Database, job: J): StoreJobResult<J> {
  switch (job.kind) {
    case 'export':
      return exportForDownload(db, job.format, job.baseName, job.scope) as StoreJobResult<J>;
    case 'placeUnplaced':
      return new Editor(db, new GraphReader(db)).placeUnplaced() as StoreJobResult<J>;
  }
  throw new Error(`unknown store job ${(job as { kind: string }).kind}`);
}
