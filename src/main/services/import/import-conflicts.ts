import type { Database } from 'better-sqlite3';
import type { ImportConflict, ImportConflictKind, ImportResolutions } from '../../../shared/domain';
import { foldLabel } from '../../../shared/labels';
import { resolveCategory } from '../editing/lookups';
import { saveNote, setFieldTags } from '../editing/note-edits';
import type { Recorder } from '../history/row-images';
import type { ImportedAttribute, ImportedConcept } from './imported-graph';

// A concept of the file that matches one already in the graph (by id or label) never
// overwrites it unasked. What it adds without taking anything away (tags, attributes the
// concept lacks) is added; what differs (description, category, note, an attribute's
// value) is a conflict, listed in the preview, and resolved as the user chose: keep mine
// (the default), take theirs, or one by one.

const SHOWN_PER_KIND = 200;
const SHOWN_LENGTH = 300;

export interface MatchedConcept {
  key: number;
  id: string;
  file: ImportedConcept;
  /** The label of the category the file gives it, or null. */
  category: string | null;
}

interface Current {
  description: string;
  category: string;
  categoryId: string;
  note: string;
}

const short = (text: string) =>
  text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;

const attributeText = (attributes: readonly { name: string; value: string }[]) =>
  attributes.map((a) => `${a.name}: ${a.value}`).join(', ');

export class ImportConflicts {
  private readonly matched: MatchedConcept[] = [];
  private readonly counts = new Map<ImportConflictKind, number>();
  readonly items: ImportConflict[] = [];
  private readonly current;
  private readonly attributesOf;

  constructor(private readonly db: Database) {
    this.current = db.prepare(
      `SELECT c.description, cat.label AS category, cat.id AS categoryId, coalesce(n.body, '') AS note
       FROM concepts c JOIN categories cat ON cat.id = c.category
       LEFT JOIN notes n ON n.concept = c.key WHERE c.key = ?`,
    );
    this.attributesOf = db.prepare(
      'SELECT name, type, value FROM concept_attributes WHERE concept = ?',
    );
  }

  /** Compares a matched concept with the file's, noting the conflicts for the preview. */
  add(match: MatchedConcept, existingLabel: string): void {
    this.matched.push(match);
    const now = this.current.get(match.key) as Current;
    const { file } = match;
    const note = (kind: ImportConflictKind, mine: string, theirs: string) => {
      const count = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, count);
      if (count <= SHOWN_PER_KIND) {
        this.items.push({
          kind,
          key: file.key,
          line: file.line,
          label: existingLabel,
          existing: match.id,
          mine: short(mine),
          theirs: short(theirs),
        });
      }
    };
    if (file.description !== '' && file.description !== now.description)
      note('description', now.description, file.description);
    if (
      match.category !== null &&
      foldLabel(match.category) !== foldLabel(now.category) &&
      match.category !== now.categoryId
    )
      note('category', now.category, match.category);
    if (file.note.trim() !== '' && file.note.trim() !== now.note.trim())
      note('note', now.note, file.note);
    const differing = this.differingAttributes(match.key, file.attributes);
    if (differing.mine.length > 0)
      note('attributes', attributeText(differing.mine), attributeText(differing.theirs));
  }

  counted(): { kind: ImportConflictKind; count: number }[] {
    return [...this.counts].map(([kind, count]) => ({ kind, count }));
  }

  private differingAttributes(key: number, attributes: readonly ImportedAttribute[]) {
    const mine: ImportedAttribute[] = [];
    const theirs: ImportedAttribute[] = [];
    const fresh: ImportedAttribute[] = [];
    if (attributes.length === 0) return { mine, theirs, fresh };
    const existing = new Map(
      (this.attributesOf.all(key) as ImportedAttribute[]).map((a) => [a.name, a]),
    );
    for (const attribute of attributes) {
      const held = existing.get(attribute.name);
      if (!held) fresh.push(attribute);
      else if (held.value !== attribute.value) {
        mine.push(held);
        theirs.push(attribute);
      }
    }
    return { mine, theirs, fresh };
  }

  /**
   * Writes, with row images for undo: the additions, and the file's side of every
   * conflict the resolutions take. Runs with every trigger and index in place.
   */
  apply(recorder: Recorder, resolutions: ImportResolutions | undefined): void {
    const takes = new Map((resolutions?.choices ?? []).map((c) => [c.kind, c.take]));
    const chosen = new Set((resolutions?.theirs ?? []).map((t) => `${t.kind}\u0000${t.key}`));
    const take = (kind: ImportConflictKind, key: string) => {
      const how = takes.get(kind) ?? 'mine';
      return how === 'theirs' || (how === 'each' && chosen.has(`${kind}\u0000${key}`));
    };
    const fieldTags = this.db.prepare(
      "SELECT tag FROM tags WHERE concept = ? AND source = 'field'",
    );
    const insertAttribute = this.db.prepare(
      'INSERT INTO concept_attributes (concept, name, type, value) VALUES (?, ?, ?, ?)',
    );
    const updateAttribute = this.db.prepare(
      'UPDATE concept_attributes SET type = ?, value = ? WHERE concept = ? AND name = ?',
    );
    const touch = (key: number, column: 'description' | 'category', value: string) => {
      recorder.track('concepts', [key]);
      this.db
        .prepare(
          `UPDATE concepts SET ${column} = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = ?`,
        )
        .run(value, key);
    };
    for (const match of this.matched) {
      const { key, file } = match;
      const mine = (fieldTags.all(key) as { tag: string }[]).map((t) => t.tag);
      if (file.tags.some((t) => !mine.includes(t)))
        setFieldTags(this.db, recorder, key, [...mine, ...file.tags]);
      const { theirs, fresh } = this.differingAttributes(key, file.attributes);
      for (const a of fresh) {
        insertAttribute.run(key, a.name, a.type, a.value);
        recorder.created('concept_attributes', [key, a.name]);
      }
      if (theirs.length > 0 && take('attributes', file.key)) {
        for (const a of theirs) {
          recorder.track('concept_attributes', [key, a.name]);
          updateAttribute.run(a.type, a.value, key, a.name);
        }
      }
      const now = this.current.get(key) as Current;
      if (file.description !== '' && file.description !== now.description) {
        if (take('description', file.key)) touch(key, 'description', file.description);
      }
      if (
        match.category !== null &&
        foldLabel(match.category) !== foldLabel(now.category) &&
        match.category !== now.categoryId &&
        take('category', file.key)
      ) {
        touch(key, 'category', resolveCategory(this.db, recorder, match.category));
      }
      if (file.note.trim() !== '' && file.note.trim() !== now.note.trim()) {
        if (take('note', file.key)) saveNote(this.db, recorder, match.id, file.note);
      }
    }
  }
}
