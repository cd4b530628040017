import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import type { Recorder } from '../history/row-images';
import { assertLabelFree, findConcept, newConceptId, resolveCategory } from './lookups';
import { linkWaitingMentions, renameInNotes, setFieldTags } from './note-edits';

export function createConcept(
  db: Database,
  recorder: Recorder,
  args: {
    label: string;
    category: string;
    description?: string;
    position?: { x: number; y: number };
  },
): string {
  assertLabelFree(db, args.label);
  const category = resolveCategory(db, recorder, args.category);
  const id = newConceptId(db, args.label);
  const { lastInsertRowid } = db
    .prepare(
      "INSERT INTO concepts (id, label, category, description, origin, provenance) VALUES (?, ?, ?, ?, 'user', NULL)",
    )
    .run(id, args.label, category, args.description ?? '');
  const key = Number(lastInsertRowid);
  recorder.created('concepts', [key]);
  if (args.position) {
    db.prepare('INSERT INTO positions (concept, x, y) VALUES (?, ?, ?)').run(
      key,
      args.position.x,
      args.position.y,
    );
    recorder.created('positions', [key]);
  }
  linkWaitingMentions(db, recorder, key, args.label);
  return id;
}

export function updateConcept(
  db: Database,
  recorder: Recorder,
  args: { id: string; label?: string; category?: string; description?: string },
): void {
  const concept = findConcept(db, args.id);
  if (args.label !== undefined) assertLabelFree(db, args.label, concept.key);
  const category =
    args.category === undefined ? undefined : resolveCategory(db, recorder, args.category);
  recorder.track('concepts', [concept.key]);
  db.prepare(
    `UPDATE concepts SET
       label = coalesce(@label, label),
       category = coalesce(@category, category),
       description = coalesce(@description, description),
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE key = @key`,
  ).run({
    key: concept.key,
    label: args.label ?? null,
    category: category ?? null,
    description: args.description ?? null,
  });
  if (args.label !== undefined && args.label !== concept.label) {
    renameInNotes(db, recorder, concept.label, args.label);
    linkWaitingMentions(db, recorder, concept.key, args.label);
  }
}

/**
 * Deletes a concept with its links, note, tags, position and dismissed suggestions;
 * returns how many links went with it.
 */
export function deleteConcept(db: Database, recorder: Recorder, id: string): number {
  const concept = findConcept(db, id);
  // Track the rows the cascade would delete, children first, so undo can put them back.
  recorder.track('positions', [concept.key]);
  for (const { tag } of db.prepare('SELECT tag FROM tags WHERE concept = ?').all(concept.key) as {
    tag: string;
  }[]) {
    recorder.track('tags', [concept.key, tag]);
  }
  recorder.track('notes', [concept.key]);
  const links = db
    .prepare('SELECT id FROM links WHERE source = @key OR target = @key')
    .all({ key: concept.key }) as {
    id: number;
  }[];
  for (const link of links) recorder.track('links', [link.id]);
  const dismissed = db
    .prepare(
      'SELECT source, target, relation FROM dismissed_suggestions WHERE source = @key OR target = @key',
    )
    .all({ key: concept.key }) as { source: number; target: number; relation: string }[];
  for (const d of dismissed)
    recorder.track('dismissed_suggestions', [d.source, d.target, d.relation]);
  recorder.track('concepts', [concept.key]);
  db.prepare('DELETE FROM concepts WHERE key = ?').run(concept.key);
  return links.length;
}

interface SeedConceptRow {
  label: string;
  category: string;
  description: string;
  tags: string;
}

/**
 * Puts a concept of the default graph back as it was shipped: label, category,
 * description, tags typed in the tag field, and the default links that were
 * deleted. What the user added (their note, note tags, own links) stays.
 */
export function restoreOriginal(db: Database, recorder: Recorder, id: string): void {
  const concept = findConcept(db, id);
  const seed = db
    .prepare('SELECT label, category, description, tags FROM seed_concepts WHERE id = ?')
    .get(id) as SeedConceptRow | undefined;
  if (!seed)
    throw new CairnError(
      'invalid-argument',
      `“${concept.label}” is not part of the default graph, so it has no original to restore.`,
    );
  assertLabelFree(db, seed.label, concept.key);
  recorder.track('concepts', [concept.key]);
  db.prepare(
    "UPDATE concepts SET label = ?, category = ?, description = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = ?",
  ).run(seed.label, seed.category, seed.description, concept.key);
  setFieldTags(db, recorder, concept.key, JSON.parse(seed.tags) as string[]);
  // The shipped label comes back as a rename does: notes follow it.
  if (seed.label !== concept.label) {
    renameInNotes(db, recorder, concept.label, seed.label);
    linkWaitingMentions(db, recorder, concept.key, seed.label);
  }
  const missing = db
    .prepare(
      `SELECT s.key AS source, t.key AS target, sl.relation
       FROM seed_links sl JOIN concepts s ON s.id = sl.source JOIN concepts t ON t.id = sl.target
       WHERE (sl.source = @id OR sl.target = @id)
         AND NOT EXISTS (SELECT 1 FROM links l WHERE l.source = s.key AND l.target = t.key AND l.relation = sl.relation)`,
    )
    .all({ id }) as { source: number; target: number; relation: string }[];
  const insert = db.prepare(
    "INSERT INTO links (source, target, relation, origin) VALUES (?, ?, ?, 'seed')",
  );
  for (const link of missing) {
    recorder.created('links', [
      Number(insert.run(link.source, link.target, link.relation).lastInsertRowid),
    ]);
  }
}
