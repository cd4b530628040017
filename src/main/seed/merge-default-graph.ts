import type { Database } from 'better-sqlite3';
import { conceptByLabel } from '../services/editing/lookups';
import { setFieldTags } from '../services/editing/note-edits';
import { NOT_RECORDED } from '../services/history/row-images';
import { structureChanged } from '../services/structure/structure-store';
import type { DefaultGraph } from './default-graph-schema';

export interface SeedMergeReport {
  added: number;
  updated: number;
  /** Concepts the user had changed: left as the user has them. */
  keptUserEdits: number;
  linksAdded: number;
  linksRemoved: number;
  /** Categories that took the newer shipped colour (or label); those the user restyled keep theirs. */
  categoriesUpdated: number;
}

interface SeedRow {
  id: string;
  label: string;
  category: string;
  description: string;
  tags: string;
}

interface CurrentRow {
  key: number;
  label: string;
  category: string;
  description: string;
  tags: string;
}

const sortedTags = (tags: readonly string[] | undefined) =>
  JSON.stringify([...new Set(tags ?? [])].sort());

/**
 * Brings a newer default graph into a database seeded from an older one, without
 * overwriting anything the user wrote. A concept the user never changed (it still
 * equals its shipped copy in seed_concepts) takes the new text; a concept the user
 * changed or deleted stays as the user left it. New concepts and links arrive; a
 * default link the new graph no longer states goes, unless the user re-made it.
 * The shipped copy then moves to the new version. Not part of the undo history:
 * it is the app's change, not the user's.
 */
export function mergeDefaultGraph(
  db: Database,
  graph: DefaultGraph,
  fingerprint: string,
): SeedMergeReport {
  const report: SeedMergeReport = {
    added: 0,
    updated: 0,
    keptUserEdits: 0,
    linksAdded: 0,
    linksRemoved: 0,
    categoriesUpdated: 0,
  };
  db.transaction(() => {
    report.categoriesUpdated = mergeCategories(db, graph.categories);

    const shipped = db.prepare(
      'SELECT id, label, category, description, tags FROM seed_concepts WHERE id = ?',
    );
    const current = db.prepare(
      `SELECT c.key, c.label, c.category, c.description,
              (SELECT json_group_array(tag) FROM (SELECT tag FROM tags WHERE concept = c.key AND source = 'field' ORDER BY tag)) AS tags
       FROM concepts c WHERE c.id = ?`,
    );
    const upsertSeed = db.prepare(
      `INSERT INTO seed_concepts (id, label, category, description, tags) VALUES (@id, @label, @category, @description, @tags)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, category = excluded.category,
         description = excluded.description, tags = excluded.tags`,
    );
    for (const concept of graph.concepts) {
      const provenance = `${graph.source} › ${concept.section}`;
      const tags = sortedTags(concept.tags);
      const old = shipped.get(concept.id) as SeedRow | undefined;
      const now = current.get(concept.id) as CurrentRow | undefined;
      if (!old && !now) {
        if (conceptByLabel(db, concept.label)) continue; // the user already has a concept by that name
        const { lastInsertRowid } = db
          .prepare(
            "INSERT INTO concepts (id, label, category, description, origin, provenance) VALUES (?, ?, ?, ?, 'seed', ?)",
          )
          .run(concept.id, concept.label, concept.category, concept.description, provenance);
        setFieldTags(db, NOT_RECORDED, Number(lastInsertRowid), concept.tags ?? []);
        report.added++;
      } else if (old && now) {
        const untouched =
          now.label === old.label &&
          now.category === old.category &&
          now.description === old.description &&
          now.tags === old.tags;
        const changed =
          old.label !== concept.label ||
          old.category !== concept.category ||
          old.description !== concept.description ||
          old.tags !== tags;
        if (
          untouched &&
          changed &&
          !(old.label !== concept.label && conceptByLabel(db, concept.label))
        ) {
          db.prepare(
            'UPDATE concepts SET label = ?, category = ?, description = ?, provenance = ? WHERE key = ?',
          ).run(concept.label, concept.category, concept.description, provenance, now.key);
          setFieldTags(db, NOT_RECORDED, now.key, concept.tags ?? []);
          report.updated++;
        } else if (!untouched) {
          report.keptUserEdits++;
        }
      }
      upsertSeed.run({
        id: concept.id,
        label: concept.label,
        category: concept.category,
        description: concept.description,
        tags,
      });
    }

    const wanted = new Set(
      graph.links.map((l) => `${l.source}\u0000${l.target}\u0000${l.relation}`),
    );
    const shippedLinks = db.prepare('SELECT source, target, relation FROM seed_links').all() as {
      source: string;
      target: string;
      relation: string;
    }[];
    const had = new Set(shippedLinks.map((l) => `${l.source}\u0000${l.target}\u0000${l.relation}`));
    for (const link of shippedLinks) {
      if (wanted.has(`${link.source}\u0000${link.target}\u0000${link.relation}`)) continue;
      report.linksRemoved += db
        .prepare(
          `DELETE FROM links WHERE origin = 'seed' AND relation = ?
             AND source = (SELECT key FROM concepts WHERE id = ?) AND target = (SELECT key FROM concepts WHERE id = ?)`,
        )
        .run(link.relation, link.source, link.target).changes;
      db.prepare('DELETE FROM seed_links WHERE source = ? AND target = ? AND relation = ?').run(
        link.source,
        link.target,
        link.relation,
      );
    }
    for (const link of graph.links) {
      if (had.has(`${link.source}\u0000${link.target}\u0000${link.relation}`)) continue;
      report.linksAdded += db
        .prepare(
          `INSERT INTO links (source, target, relation, origin)
           SELECT s.key, t.key, ?, 'seed' FROM concepts s, concepts t WHERE s.id = ? AND t.id = ?
           ON CONFLICT DO NOTHING`,
        )
        .run(link.relation, link.source, link.target).changes;
      db.prepare(
        'INSERT INTO seed_links (source, target, relation) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ).run(link.source, link.target, link.relation);
    }
    db.prepare(
      "INSERT INTO seed_info (key, value) VALUES ('fingerprint', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(fingerprint);
    structureChanged(db);
    // The merge writes no row images: time travel says so for the moments before it.
    const touched =
      report.added +
      report.updated +
      report.linksAdded +
      report.linksRemoved +
      report.categoriesUpdated;
    if (touched > 0) {
      db.prepare(
        `INSERT INTO history_gaps (kind, since, count)
         VALUES ('default-graph', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)`,
      ).run(touched);
    }
  })();
  return report;
}

interface CategoryRow {
  label: string;
  color: string;
}

/**
 * Categories as concepts are merged: one whose colour (or label) is still the shipped one
 * takes the newer one; one the user restyled keeps theirs. New ones arrive. Returns how
 * many existing categories changed.
 */
function mergeCategories(db: Database, categories: DefaultGraph['categories']): number {
  const shipped = db.prepare('SELECT label, color FROM seed_categories WHERE id = ?');
  const current = db.prepare('SELECT label, color FROM categories WHERE id = ?');
  const insert = db.prepare('INSERT INTO categories (id, label, color) VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE categories SET label = ?, color = ? WHERE id = ?');
  const upsertSeed = db.prepare(
    `INSERT INTO seed_categories (id, label, color) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, color = excluded.color`,
  );
  let updated = 0;
  for (const category of categories) {
    const old = shipped.get(category.id) as CategoryRow | undefined;
    const now = current.get(category.id) as CategoryRow | undefined;
    if (!now) {
      insert.run(category.id, category.label, category.color);
    } else if (old) {
      // The same colour written another way is not a change of the user's.
      const color = sameColour(now.color, old.color) ? category.color : now.color;
      const label = now.label === old.label ? category.label : now.label;
      if (color !== now.color || label !== now.label) {
        update.run(label, color, category.id);
        updated++;
      }
    }
    // A category the user made before it was shipped (no shipped copy) stays as it is.
    upsertSeed.run(category.id, category.label, category.color);
  }
  return updated;
}

const sameColour = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
