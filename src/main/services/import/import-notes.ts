import type { Database } from 'better-sqlite3';
import { foldLabel } from '../../../shared/labels';
import { distinctTargets, noteReferences } from '../../../shared/note-references';
import { MENTIONS_RELATION } from '../../../shared/validation';

/**
 * What the notes of an import's new concepts imply, made as saving each note would make
 * it (note-edits.ts): a mention link to every concept a [[wikilink]] names, and the
 * note's #tags beside the tags of the tag field. Run once every concept of the file is
 * in, so a note can name any of them; labels resolve through `conceptKeyByLabel`, built
 * once, instead of a lookup per name. Returns how many mention links it made.
 */
export function deriveFromNotes(
  db: Database,
  batch: number,
  conceptKeyByLabel: ReadonlyMap<string, number>,
): number {
  const notes = db
    .prepare(
      `SELECT n.concept, n.body FROM notes n JOIN concepts c ON c.key = n.concept
       WHERE c.import_batch = ?`,
    )
    .all(batch) as { concept: number; body: string }[];
  const insertMention = db.prepare(
    `INSERT INTO links (source, target, relation, origin, kind, import_batch)
     VALUES (?, ?, ?, 'import', 'mention', ?) ON CONFLICT DO NOTHING`,
  );
  const insertTag = db.prepare(
    "INSERT INTO tags (concept, tag, source) VALUES (?, ?, 'note') ON CONFLICT DO NOTHING",
  );
  let mentions = 0;
  for (const { concept, body } of notes) {
    const references = noteReferences(body);
    const targets = new Set<number>();
    for (const name of distinctTargets(references.wikilinks)) {
      const target = conceptKeyByLabel.get(foldLabel(name));
      if (target !== undefined && target !== concept) targets.add(target);
    }
    for (const target of targets) {
      mentions += insertMention.run(concept, target, MENTIONS_RELATION, batch).changes;
    }
    // A tag in both the field and the note stays a field tag, as writeTags keeps it.
    for (const tag of references.tags) insertTag.run(concept, tag);
  }
  return mentions;
}
