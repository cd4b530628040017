import type { Migration } from './migration';

// Version 3, what growing a graph needed, in three parts (in this order, as shipped):
// 1. links written in notes ("mentions": links.kind) and tags from notes (tags.source);
// 2. seed_concepts and seed_links: a pristine copy of the default graph underneath the
//    user's edits, filled from the default graph's rows as they were;
// 3. changes: the change log that makes every edit undoable across restarts.
export const mentionsSeedCopyChangeLogSchema: Migration = {
  version: 3,
  name: 'mentions-seed-copy-change-log',
  up(db) {
    db.exec(`
      -- 'mention' links come from [[wikilinks]] in notes and are kept in step with them.
      ALTER TABLE links ADD COLUMN kind TEXT NOT NULL DEFAULT 'typed' CHECK (kind IN ('typed', 'mention'));

      -- A tag typed in the tag field, or written as #tag in the note.
      ALTER TABLE tags ADD COLUMN source TEXT NOT NULL DEFAULT 'field' CHECK (source IN ('field', 'note'));

      -- The default graph as shipped. The user's edits change concepts and links;
      -- these rows never change, so "Restore original" and merging a newer default
      -- graph can tell what the user wrote from what was shipped.
      CREATE TABLE seed_concepts (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE TABLE seed_links (
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        relation TEXT NOT NULL,
        PRIMARY KEY (source, target, relation)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO seed_concepts (id, label, category, description, tags)
      SELECT c.id, c.label, c.category, c.description,
             (SELECT json_group_array(tag) FROM (SELECT tag FROM tags WHERE concept = c.key ORDER BY tag))
      FROM concepts c WHERE c.origin = 'seed';
      INSERT INTO seed_links (source, target, relation)
      SELECT s.id, t.id, l.relation
      FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target
      WHERE l.origin = 'seed';

      -- One row per user change: the row images to apply to undo it and to redo it.
      CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        summary TEXT NOT NULL,
        forward TEXT NOT NULL,
        backward TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      ) STRICT;
      CREATE INDEX changes_by_undone ON changes(undone, id);
    `);
  },
};
