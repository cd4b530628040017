import type { Migration } from './migration';

// The graph's structure, measured in the service layer (services/structure/):
// - concept_measures: each concept's degrees, PageRank, betweenness, component and
//   community as last measured. Rows go with their concept; a concept added since has
//   none until the next measure.
// - structure_state: `version` counts the changes recorded in the history (each new
//   change, undo and redo moves it by one, through the triggers below; the default
//   graph's merge moves it itself), and `measured` is the version the measures were
//   taken at. Measures are current while the two are equal.
export const structureMeasuresSchema: Migration = {
  version: 8,
  name: 'structure-measures',
  up(db) {
    db.exec(`
      CREATE TABLE concept_measures (
        concept INTEGER PRIMARY KEY REFERENCES concepts(key) ON DELETE CASCADE,
        in_degree INTEGER NOT NULL,
        out_degree INTEGER NOT NULL,
        pagerank REAL NOT NULL,
        betweenness REAL NOT NULL,
        component INTEGER NOT NULL,
        community INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE structure_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        measured INTEGER,
        measured_at TEXT,
        betweenness_sources INTEGER,
        modularity REAL
      ) STRICT;
      INSERT INTO structure_state (id, version) VALUES (1, 0);

      CREATE TRIGGER changes_structure_insert AFTER INSERT ON changes BEGIN
        UPDATE structure_state SET version = version + 1;
      END;
      CREATE TRIGGER changes_structure_undone AFTER UPDATE OF undone ON changes BEGIN
        UPDATE structure_state SET version = version + 1;
      END;
    `);
  },
};
