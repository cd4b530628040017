import type { Migration } from './migration';

// The first schema: categories, concepts, typed links, notes, tags and a full-text
// index. Concepts have an integer key for joins and FTS, and a stable text id for
// everything the outside world sees (the contract, exports, URLs).
export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        color TEXT NOT NULL
      ) STRICT;

      CREATE TABLE concepts (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        category TEXT NOT NULL REFERENCES categories(id) ON UPDATE CASCADE,
        description TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL CHECK (origin IN ('seed', 'user', 'import')),
        provenance TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE UNIQUE INDEX concepts_by_label ON concepts(label COLLATE NOCASE);
      CREATE INDEX concepts_by_category ON concepts(category);

      CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        source INTEGER NOT NULL REFERENCES concepts(key) ON DELETE CASCADE,
        target INTEGER NOT NULL REFERENCES concepts(key) ON DELETE CASCADE,
        relation TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('seed', 'user', 'import')),
        note TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (source <> target)
      ) STRICT;
      -- Outgoing links come from this unique index, incoming ones from the next.
      CREATE UNIQUE INDEX links_by_source ON links(source, target, relation);
      CREATE INDEX links_by_target ON links(target, source);
      CREATE INDEX links_by_relation ON links(relation);

      CREATE TABLE notes (
        concept INTEGER PRIMARY KEY REFERENCES concepts(key) ON DELETE CASCADE,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;

      CREATE TABLE tags (
        concept INTEGER NOT NULL REFERENCES concepts(key) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (concept, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX tags_by_tag ON tags(tag, concept);

      -- One row per concept, rowid = concepts.key. It keeps its own copy of the text
      -- so that snippet() works; the triggers below keep it in step.
      CREATE VIRTUAL TABLE concept_search USING fts5(
        label, description, note, tags,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      CREATE TRIGGER concepts_search_insert AFTER INSERT ON concepts BEGIN
        INSERT INTO concept_search(rowid, label, description, note, tags)
        VALUES (new.key, new.label, new.description, '', '');
      END;
      CREATE TRIGGER concepts_search_update AFTER UPDATE OF label, description ON concepts BEGIN
        UPDATE concept_search SET label = new.label, description = new.description
        WHERE rowid = new.key;
      END;
      CREATE TRIGGER concepts_search_delete AFTER DELETE ON concepts BEGIN
        DELETE FROM concept_search WHERE rowid = old.key;
      END;

      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
        UPDATE concept_search SET note = new.body WHERE rowid = new.concept;
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE OF body ON notes BEGIN
        UPDATE concept_search SET note = new.body WHERE rowid = new.concept;
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        UPDATE concept_search SET note = '' WHERE rowid = old.concept;
      END;

      CREATE TRIGGER tags_search_insert AFTER INSERT ON tags BEGIN
        UPDATE concept_search
        SET tags = (SELECT group_concat(tag, ' ') FROM tags WHERE concept = new.concept)
        WHERE rowid = new.concept;
      END;
      CREATE TRIGGER tags_search_delete AFTER DELETE ON tags BEGIN
        UPDATE concept_search
        SET tags = coalesce((SELECT group_concat(tag, ' ') FROM tags WHERE concept = old.concept), '')
        WHERE rowid = old.concept;
      END;
    `);
  },
};
