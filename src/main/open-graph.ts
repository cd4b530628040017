import { openGraphDatabase, type OpenedDatabase } from './db/connection';
import { mergeDefaultGraph } from './seed/merge-default-graph';
import {
  defaultGraphFingerprint,
  insertDefaultGraph,
  readDefaultGraphFile,
} from './seed/load-default-graph';

export interface OpenGraphOptions {
  /** Create a new database without the default graph. */
  empty?: boolean;
  nativeBinding?: string;
  /** Open for reading only even where the file could be written (it is anyway where it cannot). */
  readOnly?: boolean;
}

/**
 * Opens a graph file; a new one starts with the default cloud-native graph unless
 * `empty`. A file seeded from an older default graph takes in the current one,
 * changing only what its user never touched (see merge-default-graph.ts). A file
 * that cannot be written is opened read-only (`readOnly` in the result).
 */
export function openGraph(file: string, options: OpenGraphOptions = {}): OpenedDatabase {
  const opened = openGraphDatabase(file, {
    nativeBinding: options.nativeBinding,
    readOnly: options.readOnly,
    initialize: options.empty
      ? undefined
      : (db) => {
          const { graph, fingerprint } = readDefaultGraphFile();
          insertDefaultGraph(db, graph, fingerprint);
        },
  });
  // A read-only graph is shown as it is: the newer default graph waits until it can be written.
  if (!opened.created && !opened.readOnly) {
    try {
      const seededFrom = opened.db
        .prepare("SELECT value FROM seed_info WHERE key = 'fingerprint'")
        .pluck()
        .get() as string | undefined;
      if (seededFrom !== undefined && seededFrom !== defaultGraphFingerprint()) {
        const { graph, fingerprint } = readDefaultGraphFile();
        mergeDefaultGraph(opened.db, graph, fingerprint);
      }
    } catch (error) {
      opened.db.close();
      throw error;
    }
  }
  return opened;
}
