import type { Migration } from './migration';

// Which version of the default graph a file was seeded from, so that a newer Cairn
// can bring in its newer default graph (src/main/seed/merge-default-graph.ts).
export const seedFingerprintSchema: Migration = {
  version: 4,
  name: 'seed-fingerprint',
  up(db) {
    db.exec(`
      CREATE TABLE seed_info (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      -- A file seeded before fingerprints existed gets one that matches no default graph,
      -- so the next open merges the current one in (touching only what the user never changed).
      INSERT INTO seed_info (key, value)
      SELECT 'fingerprint', 'unknown' WHERE EXISTS (SELECT 1 FROM seed_concepts);
    `);
  },
};
