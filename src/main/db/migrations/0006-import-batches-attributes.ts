import type { Migration } from './migration';

// Version 6, what lossless imports needed (issue 11), in four parts:
// 1. import_batches: every import is one batch; the concepts and links it adds carry its
//    id, so undoing it deletes by batch (import_archive keeps the rows for redo, once);
// 2. links: `kind` joins the unique key, so a typed link whose relation is "mentions"
//    and a note's mention link between the same pair can both exist; `parallel` numbers
//    the multi-edges a file brought between the same pair with the same relation;
// 3. concept_attributes and link_attributes: values Cairn has no field for (a Gephi
//    `weight` or `modularity_class`), kept with their type so exports write them back;
// 4. changes.batch: the undo entry of an import names its batch.
export const importBatchesAttributesSchema: Migration = {
  version: 6,
  name: 'import-batches-attributes',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        format TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      ALTER TABLE concepts ADD COLUMN import_batch INTEGER REFERENCES import_batches(id);
      ALTER TABLE links ADD COLUMN import_batch INTEGER REFERENCES import_batches(id);
      CREATE INDEX concepts_by_batch ON concepts(import_batch) WHERE import_batch IS NOT NULL;
      CREATE INDEX links_by_batch ON links(import_batch) WHERE import_batch IS NOT NULL;

      ALTER TABLE links ADD COLUMN parallel INTEGER NOT NULL DEFAULT 0 CHECK (parallel >= 0);
      DROP INDEX links_by_source;
      CREATE UNIQUE INDEX links_by_source ON links(source, target, relation, kind, parallel);

      CREATE TABLE concept_attributes (
        concept INTEGER NOT NULL REFERENCES concepts(key) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('string', 'boolean', 'int', 'long', 'float', 'double')),
        value TEXT NOT NULL,
        PRIMARY KEY (concept, name)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE link_attributes (
        link INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('string', 'boolean', 'int', 'long', 'float', 'double')),
        value TEXT NOT NULL,
        PRIMARY KEY (link, name)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE changes ADD COLUMN batch INTEGER REFERENCES import_batches(id);
      -- The rows of an undone import, one JSON array of column values each, until it is
      -- redone (they go back) or can no longer be (a new change clears the redo stack).
      CREATE TABLE import_archive (
        batch INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        row TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_archive_by_batch ON import_archive(batch, tbl);
    `);
  },
};
