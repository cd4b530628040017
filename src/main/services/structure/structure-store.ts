import type { Database } from 'better-sqlite3';
import type { Measures, StructureInput } from './measures';

// Reading the graph for the measures and keeping what they found (migration 8).

/** Marks the measures out of date, for a change the history does not record (the seed merge). */
export function structureChanged(db: Database): void {
  db.prepare('UPDATE structure_state SET version = version + 1').run();
}

export interface StructureState {
  /** Moves with every recorded change, undo and redo. */
  version: number;
  /** The version the stored measures were taken at; null before the first. */
  measured: number | null;
  measuredAt: string | null;
  betweennessSources: number | null;
  modularity: number | null;
}

export function structureState(db: Database): StructureState {
  return db
    .prepare(
      `SELECT version, measured, measured_at AS measuredAt,
              betweenness_sources AS betweennessSources, modularity
       FROM structure_state WHERE id = 1`,
    )
    .get() as StructureState;
}

/**
 * The graph as integers, read in one transaction so concepts and links agree, with each
 * key's concept id: SQLite may give a deleted concept's key to a new one, and the id
 * tells them apart.
 */
export function readStructureInput(db: Database): {
  version: number;
  input: StructureInput;
  ids: string[];
} {
  return db.transaction(() => {
    const version = structureState(db).version;
    const concepts = db.prepare('SELECT key, id FROM concepts ORDER BY key').raw().all() as [
      number,
      string,
    ][];
    const keys = Int32Array.from(concepts, ([key]) => key);
    const ids = concepts.map(([, id]) => id);
    const count = (db.prepare('SELECT count(*) FROM links').pluck().get() as number) ?? 0;
    const sources = new Int32Array(count);
    const targets = new Int32Array(count);
    let i = 0;
    for (const [source, target] of db
      .prepare('SELECT source, target FROM links')
      .raw()
      .iterate() as IterableIterator<[number, number]>) {
      sources[i] = source;
      targets[i] = target;
      i += 1;
    }
    return { version, input: { keys, sources, targets }, ids };
  })();
}

/**
 * Keeps measures taken at `version`, in one transaction, unless the graph changed while
 * they were being taken (then they describe a graph that is gone, and false is returned).
 * A concept deleted meanwhile has no row to keep its measures for, and is skipped.
 */
export function storeMeasures(db: Database, version: number, measures: Measures): boolean {
  return db
    .transaction(() => {
      if (structureState(db).version !== version) return false;
      db.prepare('DELETE FROM concept_measures').run();
      const insert = db.prepare(
        `INSERT INTO concept_measures
           (concept, in_degree, out_degree, pagerank, betweenness, component, community)
         SELECT key, ?, ?, ?, ?, ?, ? FROM concepts WHERE key = ?`,
      );
      for (let i = 0; i < measures.keys.length; i++) {
        insert.run(
          measures.inDegree[i],
          measures.outDegree[i],
          measures.pagerank[i],
          measures.betweenness[i],
          measures.component[i],
          measures.community[i],
          measures.keys[i],
        );
      }
      db.prepare(
        `UPDATE structure_state SET measured = ?, measured_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           betweenness_sources = ?, modularity = ? WHERE id = 1`,
      ).run(version, measures.betweennessSources, measures.modularity);
      return true;
    })
    .immediate();
}
