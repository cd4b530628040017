import type { Database } from 'better-sqlite3';
import { parseNoteTags, parseWikilinks, wikilinkTargets } from '../../../shared/note-references';
import { MENTIONS_RELATION } from '../../../shared/validation';
import type { Recorder } from '../history/row-images';
import { conceptByLabel, findConcept } from './lookups';

interface TagRow {
  tag: string;
  source: 'field' | 'note';
}

/** Rewrites a concept's tags as the union of its field tags and its note's #tags. */
function writeTags(
  db: Database,
  recorder: Recorder,
  key: number,
  field: readonly string[],
  fromNote: readonly string[],
) {
  const wanted = new Map<string, 'field' | 'note'>();
  for (const tag of fromNote) wanted.set(tag, 'note');
  for (const tag of field) wanted.set(tag, 'field');
  const current = db.prepare('SELECT tag, source FROM tags WHERE concept = ?').all(key) as TagRow[];
  for (const row of current) {
    if (wanted.get(row.tag) === row.source) continue;
    recorder.track('tags', [key, row.tag]);
    db.prepare('DELETE FROM tags WHERE concept = ? AND tag = ?').run(key, row.tag);
  }
  const kept = new Set(
    current.filter((row) => wanted.get(row.tag) === row.source).map((row) => row.tag),
  );
  for (const [tag, source] of wanted) {
    if (kept.has(tag)) continue;
    recorder.track('tags', [key, tag]);
    db.prepare('INSERT INTO tags (concept, tag, source) VALUES (?, ?, ?)').run(key, tag, source);
  }
}

function noteTagsOf(db: Database, key: number): string[] {
  return (
    db.prepare("SELECT tag FROM tags WHERE concept = ? AND source = 'note'").all(key) as TagRow[]
  ).map((t) => t.tag);
}

/** Sets the tags typed in the tag field; #tags written in the note stay. */
export function setFieldTags(
  db: Database,
  recorder: Recorder,
  key: number,
  tags: readonly string[],
): void {
  writeTags(db, recorder, key, [...new Set(tags)], noteTagsOf(db, key));
}

export function setTags(
  db: Database,
  recorder: Recorder,
  id: string,
  tags: readonly string[],
): void {
  setFieldTags(db, recorder, findConcept(db, id).key, tags);
}

/**
 * Saves a note and brings what it implies in step: a "mentions" link to every
 * concept named in a [[wikilink]], and its #tags. Returns the [[names]] that
 * match no concept.
 */
export function saveNote(db: Database, recorder: Recorder, id: string, body: string): string[] {
  const concept = findConcept(db, id);
  recorder.track('notes', [concept.key]);
  if (body.trim().length === 0) {
    db.prepare('DELETE FROM notes WHERE concept = ?').run(concept.key);
  } else {
    db.prepare(
      `INSERT INTO notes (concept, body) VALUES (?, ?)
       ON CONFLICT (concept) DO UPDATE SET body = excluded.body, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ).run(concept.key, body);
  }

  const unresolved: string[] = [];
  const mentioned = new Set<number>();
  for (const name of wikilinkTargets(body)) {
    const target = conceptByLabel(db, name);
    if (!target) unresolved.push(name);
    else if (target.key !== concept.key) mentioned.add(target.key);
  }
  const existing = db
    .prepare("SELECT id, target FROM links WHERE source = ? AND kind = 'mention'")
    .all(concept.key) as { id: number; target: number }[];
  for (const link of existing) {
    if (mentioned.delete(link.target)) continue;
    recorder.track('links', [link.id]);
    db.prepare('DELETE FROM links WHERE id = ?').run(link.id);
  }
  const insert = db.prepare(
    "INSERT INTO links (source, target, relation, origin, kind) VALUES (?, ?, ?, 'user', 'mention') ON CONFLICT DO NOTHING",
  );
  for (const target of mentioned) {
    const result = insert.run(concept.key, target, MENTIONS_RELATION);
    if (result.changes > 0) recorder.created('links', [Number(result.lastInsertRowid)]);
  }

  const field = (
    db
      .prepare("SELECT tag FROM tags WHERE concept = ? AND source = 'field'")
      .all(concept.key) as TagRow[]
  ).map((t) => t.tag);
  writeTags(db, recorder, concept.key, field, parseNoteTags(body));
  return unresolved;
}

/**
 * Links the notes that already name `label` in a [[wikilink]] to the concept that now
 * has it (just created or renamed), so a name written before its concept existed
 * starts working at once.
 */
export function linkWaitingMentions(
  db: Database,
  recorder: Recorder,
  key: number,
  label: string,
): void {
  const wanted = label.toLocaleLowerCase('en');
  const notes = db
    .prepare(
      'SELECT concept, body FROM notes WHERE concept <> ? AND instr(lower(body), lower(?)) > 0',
    )
    .all(key, `[[${label}`) as { concept: number; body: string }[];
  const insert = db.prepare(
    "INSERT INTO links (source, target, relation, origin, kind) VALUES (?, ?, ?, 'user', 'mention') ON CONFLICT DO NOTHING",
  );
  for (const note of notes) {
    if (!wikilinkTargets(note.body).some((target) => target.toLocaleLowerCase('en') === wanted))
      continue;
    const result = insert.run(note.concept, key, MENTIONS_RELATION);
    if (result.changes > 0) recorder.created('links', [Number(result.lastInsertRowid)]);
  }
}

/**
 * After a rename, rewrites `[[Old name]]` (and `[[Old name|text]]`) in every note to
 * the new name, as Obsidian does, so the notes keep pointing at the concept.
 */
export function renameInNotes(
  db: Database,
  recorder: Recorder,
  oldLabel: string,
  newLabel: string,
): void {
  const wanted = oldLabel.toLocaleLowerCase('en');
  const notes = db
    .prepare('SELECT concept, body FROM notes WHERE instr(lower(body), lower(?)) > 0')
    .all(`[[${oldLabel}`) as { concept: number; body: string }[];
  const update = db.prepare(
    "UPDATE notes SET body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE concept = ?",
  );
  for (const note of notes) {
    let rewritten = '';
    let offset = 0;
    for (const link of parseWikilinks(note.body)) {
      if (link.target.toLocaleLowerCase('en') !== wanted) continue;
      const alias = link.text !== link.target ? `|${link.text}` : '';
      rewritten += `${note.body.slice(offset, link.start)}[[${newLabel}${alias}]]`;
      offset = link.end;
    }
    if (offset === 0) continue;
    recorder.track('notes', [note.concept]);
    update.run(rewritten + note.body.slice(offset), note.concept);
  }
}
