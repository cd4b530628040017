import type { Database } from 'better-sqlite3';

// A large import inserts hundreds of thousands of rows. Kept up to date row by row, the
// full-text index (fed by insert triggers) and the secondary indexes cost most of that
// time; built once from the finished rows they cost a fraction. Everything here runs
// inside the import's transaction, so a failure at any point puts them all back as
// they were, and no other connection ever sees the graph without them.

/**
 * The insert triggers that feed the search index, the typo index of labels and the
 * R*Tree of positions, and the indexes nothing in an import reads.
 */
const SUSPENDED_TRIGGERS = [
  'concepts_search_insert',
  'notes_search_insert',
  'tags_search_insert',
  'concepts_trigrams_insert',
  'positions_index_insert',
];
const SUSPENDED_INDEXES = [
  'concepts_by_label',
  'concepts_by_category',
  'concepts_by_batch',
  'links_by_target',
  'links_by_relation',
  'links_by_batch',
];

/** Negative: KiB, as SQLite reads it. */
const BULK_CACHE_KIB = -32_768;

export interface Suspended {
  /** Fills the search index for the batch's concepts and puts back what was suspended. */
  restore(batch: number): void;
}

export function suspendIndexes(db: Database): Suspended {
  // A page cache that holds the rows being written, so SQLite does not spill dirty
  // pages to the WAL in the middle of the transaction (the default is 2 MiB).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  const names = [...SUSPENDED_TRIGGERS, ...SUSPENDED_INDEXES];
  const definitions = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema WHERE name IN (${names.map(() => '?').join(', ')})`,
    )
    .all(...names) as { type: 'trigger' | 'index'; name: string; sql: string }[];
  for (const { type, name } of definitions) db.exec(`DROP ${type.toUpperCase()} ${name}`);
  return {
    restore(batch) {
      // The same text the triggers would have written: label and description, the note,
      // and the tags in the order the tags table keeps them.
      db.prepare(
        `INSERT INTO concept_search (rowid, label, description, note, tags)
         SELECT c.key, c.label, c.description, coalesce(n.body, ''),
                coalesce((SELECT group_concat(tag, ' ') FROM tags WHERE concept = c.key), '')
         FROM concepts c LEFT JOIN notes n ON n.concept = c.key
         WHERE c.import_batch = ?`,
      ).run(batch);
      db.prepare(
        'INSERT INTO concept_trigrams (rowid, label) SELECT key, label FROM concepts WHERE import_batch = ?',
      ).run(batch);
      db.prepare(
        `INSERT INTO position_index (concept, min_x, max_x, min_y, max_y)
         SELECT p.concept, p.x, p.x, p.y, p.y FROM positions p
         JOIN concepts c ON c.key = p.concept WHERE c.import_batch = ?`,
      ).run(batch);
      for (const { sql } of definitions) db.exec(sql);
      db.pragma(`cache_size = ${cacheSize}`);
    },
  };
}
