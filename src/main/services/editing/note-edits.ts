import type { Database } from 'better-sqlite3';
import { foldLabel } from '../../../shared/labels';
import {
  distinctTargets,
  noteReferences,
  parseWikilinks,
  wikilinkTargets,
} from '../../../shared/note-references';
import { MENTIONS_RELATION } from '../../../shared/validation';
import type { Recorder } from '../history/row-images';
import { conceptByLabel, findConcept, ftsPhrase } from './lookups';

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

  const references = noteReferences(body);
  const unresolved: string[] = [];
  const mentioned = new Set<number>();
  for (const name of distinctTargets(references.wikilinks)) {
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
  writeTags(db, recorder, concept.key, field, references.tags);
  return unresolved;
}

interface NoteRow {
  concept: number;
  body: string;
}

/**
 * The notes that may name `label` in a [[wikilink]], found through the full-text index
 * (whose tokenizer folds case and accents, and ignores the spaces in `[[ Pod ]]`); the
 * caller parses each to be sure. A label without letters or digits has no words to
 * look for, so then every note with a `[[` is a candidate.
 */
function notesThatMayName(db: Database, label: string): NoteRow[] {
  const phrase = ftsPhrase(label);
  if (!phrase) {
    return db
      .prepare("SELECT concept, body FROM notes WHERE instr(body, '[[') > 0")
      .all() as NoteRow[];
  }
  return db
    .prepare(
      `SELECT n.concept, n.body FROM concept_search s JOIN notes n ON n.concept = s.rowid
       WHERE concept_search MATCH ?`,
    )
    .all(`note : ${phrase}`) as NoteRow[];
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
  const wanted = foldLabel(label);
  const notes = notesThatMayName(db, label).filter((note) => note.concept !== key);
  const insert = db.prepare(
    "INSERT INTO links (source, target, relation, origin, kind) VALUES (?, ?, ?, 'user', 'mention') ON CONFLICT DO NOTHING",
  );
  for (const note of notes) {
    if (!wikilinkTargets(note.body).some((target) => foldLabel(target) === wanted)) continue;
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
  const wanted = foldLabel(oldLabel);
  const notes = notesThatMayName(db, oldLabel);
  const update = db.prepare(
    "UPDATE notes SET body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE concept = ?",
  );
  for (const note of notes) {
    let rewritten = '';
    let offset = 0;
    for (const link of parseWikilinks(note.body)) {
      if (link.start < 0 || foldLabel(link.target) !== wanted) continue;
      const alias = link.text !== link.target ? `|${link.text}` : '';
      rewritten += `${note.body.slice(offset, link.start)}[[${newLabel}${alias}]]`;
      offset = link.end;
    }
    if (offset === 0) continue;
    recorder.track('notes', [note.concept]);
    update.run(rewritten + note.body.slice(offset), note.concept);
  }
}
