import type { Migration } from './migration';

// Time travel (services/time-travel/) rebuilds the graph as it was from the change log.
// Two things change the graph without leaving row images there, and are noted here so
// the timeline can say where the log cannot tell:
// - 'default-graph': a newer default graph merged in on opening (seed/merge-default-graph.ts);
// - 'discarded': undone changes dropped when a new change was made after them (their
//   rows are gone from `changes`, and when each was undone was never recorded).
// `since` is the earliest moment the gap concerns: the oldest discarded change; for a
// merge, the moment itself.
export const historyGapsSchema: Migration = {
  version: 11,
  name: 'history-gaps',
  up(db) {
    db.exec(`
      CREATE TABLE history_gaps (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        kind TEXT NOT NULL CHECK (kind IN ('default-graph', 'discarded')),
        since TEXT NOT NULL,
        count INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
