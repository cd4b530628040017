import type { Migration } from './migration';

// Version 5, what exploring a big graph needs, in four parts:
// 1. positions.tier, .pinned and .manual: the zoom level from which a concept is drawn
//    (services/view/tiers.ts computes it from the layout and the links), whether the user
//    pinned it in place (layouts keep pinned concepts where they are), and whether the
//    user placed it by hand (a layout asks before moving those);
// 2. position_index: an R*Tree over the positions, kept in step by triggers, so "the
//    concepts in this part of the map" is one indexed query at any size;
// 3. concept_trigrams: a trigram index of labels, kept in step by triggers, so a search
//    with a typo ("kubernets") still finds its concept;
// 4. ui_state: what the map showed last time (filters, layout), per graph file.
export const viewIndexPinsAndTypoSearchSchema: Migration = {
  version: 5,
  name: 'view-index-pins-and-typo-search',
  up(db) {
    db.exec(`
      ALTER TABLE positions ADD COLUMN tier INTEGER NOT NULL DEFAULT 0 CHECK (tier >= 0);
      ALTER TABLE positions ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
      ALTER TABLE positions ADD COLUMN manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1));

      CREATE VIRTUAL TABLE position_index USING rtree(concept, min_x, max_x, min_y, max_y);
      INSERT INTO position_index (concept, min_x, max_x, min_y, max_y)
      SELECT concept, x, x, y, y FROM positions;
      CREATE TRIGGER positions_index_insert AFTER INSERT ON positions BEGIN
        INSERT INTO position_index (concept, min_x, max_x, min_y, max_y)
        VALUES (new.concept, new.x, new.x, new.y, new.y);
      END;
      CREATE TRIGGER positions_index_update AFTER UPDATE OF x, y ON positions BEGIN
        UPDATE position_index SET min_x = new.x, max_x = new.x, min_y = new.y, max_y = new.y
        WHERE concept = new.concept;
      END;
      CREATE TRIGGER positions_index_delete AFTER DELETE ON positions BEGIN
        DELETE FROM position_index WHERE concept = old.concept;
      END;

      CREATE VIRTUAL TABLE concept_trigrams USING fts5(label, tokenize = 'trigram');
      INSERT INTO concept_trigrams (rowid, label) SELECT key, label FROM concepts;
      CREATE TRIGGER concepts_trigrams_insert AFTER INSERT ON concepts BEGIN
        INSERT INTO concept_trigrams (rowid, label) VALUES (new.key, new.label);
      END;
      CREATE TRIGGER concepts_trigrams_update AFTER UPDATE OF label ON concepts BEGIN
        UPDATE concept_trigrams SET label = new.label WHERE rowid = new.key;
      END;
      CREATE TRIGGER concepts_trigrams_delete AFTER DELETE ON concepts BEGIN
        DELETE FROM concept_trigrams WHERE rowid = old.key;
      END;

      CREATE TABLE ui_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
