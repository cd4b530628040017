import type { Migration } from './migration';

// Saved views (src/shared/saved-views.ts, services/views/):
// - saved_views: one row per view, its spec as JSON (validated whenever it is read back,
//   since a file from elsewhere may hold anything). `folded` is the name as compared:
//   lower case, so "Control plane" and "control plane" are one name. Views are tracked
//   by the history like any other row, so every change to one can be undone.
// - The structure measures' version (migration 8) moved with every recorded change; a
//   saved view, a move or a layout changes nothing the measures read, and at 100,000
//   concepts each one cost a measure of 20 s. Now only a change that touches concepts
//   or links, or an import, moves it. The images are JSON written by JSON.stringify, in
//   which `"table":"links"` can only be the table key (quotes in values are escaped).
export const savedViewsSchema: Migration = {
  version: 9,
  name: 'saved-views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        folded TEXT NOT NULL UNIQUE,
        spec TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      DROP TRIGGER changes_structure_insert;
      DROP TRIGGER changes_structure_undone;
      CREATE TRIGGER changes_structure_insert AFTER INSERT ON changes
      WHEN NEW.batch IS NOT NULL
        OR instr(NEW.forward, '"table":"concepts"') > 0
        OR instr(NEW.forward, '"table":"links"') > 0
      BEGIN
        UPDATE structure_state SET version = version + 1;
      END;
      CREATE TRIGGER changes_structure_undone AFTER UPDATE OF undone ON changes
      WHEN NEW.batch IS NOT NULL
        OR instr(NEW.forward, '"table":"concepts"') > 0
        OR instr(NEW.forward, '"table":"links"') > 0
      BEGIN
        UPDATE structure_state SET version = version + 1;
      END;
    `);
  },
};
