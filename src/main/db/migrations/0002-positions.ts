import type { Migration } from './migration';

// Layout positions, so that reopening a graph shows the same picture instead of
// recomputing a layout (which is slow at 10,000 concepts).
export const positionsSchema: Migration = {
  version: 2,
  name: 'positions',
  up(db) {
    db.exec(`
      CREATE TABLE positions (
        concept INTEGER PRIMARY KEY REFERENCES concepts(key) ON DELETE CASCADE,
        x REAL NOT NULL,
        y REAL NOT NULL
      ) STRICT;
    `);
  },
};
