import { openGraphDatabase, type OpenedDatabase } from './db/connection';
import { insertDefaultGraph, readDefaultGraph } from './seed/load-default-graph';

export interface OpenGraphOptions {
  /** Create a new database without the default graph. */
  empty?: boolean;
  nativeBinding?: string;
}

/** Opens a graph file; a new one starts with the default cloud-native graph unless `empty`. */
export function openGraph(file: string, options: OpenGraphOptions = {}): OpenedDatabase {
  return openGraphDatabase(file, {
    nativeBinding: options.nativeBinding,
    initialize: options.empty ? undefined : (db) => insertDefaultGraph(db, readDefaultGraph()),
  });
}
