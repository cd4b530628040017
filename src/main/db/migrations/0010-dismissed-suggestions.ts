import type { Migration } from './migration';

// Suggested links that were dismissed (src/shared/suggestions.ts), so they are not
// offered again: a typed link "source relation target", or an unlinked mention of
// `target` in the note of `source` (relation "mentions", the relation a [[wikilink]]'s
// link has). Rows go with either concept, and are tracked by the history, so a
// dismissal can be undone.
export const dismissedSuggestionsSchema: Migration = {
  version: 10,
  name: 'dismissed-suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE dismissed_suggestions (
        source INTEGER NOT NULL REFERENCES concepts(key) ON DELETE CASCADE,
        target INTEGER NOT NULL REFERENCES concepts(key) ON DELETE CASCADE,
        relation TEXT NOT NULL,
        dismissed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (source, target, relation)
      ) STRICT;
      CREATE INDEX dismissed_suggestions_target ON dismissed_suggestions (target);
    `);
  },
};
