import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import type { Recorder } from '../history/row-images';
import { findConcept, type ConceptRef } from './lookups';

function assertNoDuplicate(
  db: Database,
  source: ConceptRef,
  target: ConceptRef,
  relation: string,
  exceptId?: number,
) {
  const existing = db
    .prepare(
      "SELECT id FROM links WHERE source = ? AND target = ? AND relation = ? AND kind = 'typed'",
    )
    .get(source.key, target.key, relation) as { id: number } | undefined;
  if (existing && existing.id !== exceptId) {
    throw new CairnError('conflict', `“${source.label}” already ${relation} “${target.label}”.`);
  }
}

export function createLink(
  db: Database,
  recorder: Recorder,
  args: { source: string; target: string; relation: string; note?: string },
): number {
  const source = findConcept(db, args.source);
  const target = findConcept(db, args.target);
  if (source.key === target.key)
    throw new CairnError('invalid-argument', `“${source.label}” cannot link to itself.`);
  assertNoDuplicate(db, source, target, args.relation);
  const { lastInsertRowid } = db
    .prepare(
      "INSERT INTO links (source, target, relation, origin, kind, note) VALUES (?, ?, ?, 'user', 'typed', ?)",
    )
    .run(source.key, target.key, args.relation, args.note?.trim() || null);
  const id = Number(lastInsertRowid);
  recorder.created('links', [id]);
  return id;
}

interface LinkEnds {
  id: number;
  source: number;
  target: number;
  relation: string;
  kind: string;
  source_id: string;
  target_id: string;
}

function findLink(db: Database, id: number): LinkEnds {
  const link = db
    .prepare(
      `SELECT l.id, l.source, l.target, l.relation, l.kind, s.id AS source_id, t.id AS target_id
       FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target WHERE l.id = ?`,
    )
    .get(id) as LinkEnds | undefined;
  if (!link) throw new CairnError('not-found', `There is no link with the id ${id}.`);
  if (link.kind === 'mention') {
    const source = findConcept(db, link.source_id);
    throw new CairnError(
      'invalid-argument',
      `This link comes from a [[wikilink]] in the note of “${source.label}”: edit that note to change it.`,
    );
  }
  return link;
}

export function updateLink(
  db: Database,
  recorder: Recorder,
  args: { id: number; relation?: string; note?: string },
): void {
  const link = findLink(db, args.id);
  if (args.relation !== undefined) {
    assertNoDuplicate(
      db,
      findConcept(db, link.source_id),
      findConcept(db, link.target_id),
      args.relation,
      link.id,
    );
  }
  recorder.track('links', [link.id]);
  db.prepare(
    'UPDATE links SET relation = coalesce(@relation, relation), note = CASE WHEN @setNote THEN @note ELSE note END WHERE id = @id',
  ).run({
    id: link.id,
    relation: args.relation ?? null,
    setNote: args.note === undefined ? 0 : 1,
    note: args.note?.trim() || null,
  });
}

export function deleteLink(db: Database, recorder: Recorder, id: number): LinkEnds {
  const link = findLink(db, id);
  recorder.track('links', [link.id]);
  db.prepare('DELETE FROM links WHERE id = ?').run(link.id);
  return link;
}
