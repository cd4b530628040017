import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import { foldLabel } from '../../../shared/labels';
import type { MentionLexicon } from '../../../shared/mention-lexicon';
import type { Recorder } from '../history/row-images';
import { scanNoteOf } from '../suggestions/link-suggestions';
import { findConcept } from './lookups';
import { saveNote } from './note-edits';

// Accepting and dismissing suggested links (services/suggestions/). Accepting a typed
// link is createLink; these are the rest.

/**
 * The mention as a [[wikilink]] that keeps the words as written: `[[etcd]]` for
 * "ETCD" (wikilinks ignore case), `[[Café|cafe]]` where the words differ otherwise. A
 * line break inside the words becomes a space, since a wikilink is one line.
 */
export function wikilinkFor(written: string, label: string): string {
  const shown = written.replace(/\s+/g, ' ');
  return foldLabel(shown) === foldLabel(label) ? `[[${shown}]]` : `[[${label}|${shown}]]`;
}

/**
 * Wraps the plain-text mentions of `targetId` in the note of `id` that start at `at`
 * (every one when `at` is absent) in [[ ]], and saves the note as saveNote does.
 * Returns the note's unresolved [[names]] and how many mentions were linked.
 */
export function linkMentions(
  db: Database,
  recorder: Recorder,
  lexicon: MentionLexicon,
  id: string,
  targetId: string,
  at?: readonly number[],
): { unresolved: string[]; linked: number } {
  const concept = findConcept(db, id);
  const target = findConcept(db, targetId);
  const body = db.prepare('SELECT body FROM notes WHERE concept = ?').pluck().get(concept.key) as
    string | undefined;
  const wanted = at ? new Set(at) : null;
  const mentions = (body === undefined ? [] : scanNoteOf(db, lexicon, concept.key)!.occurrences)
    .filter((o) => o.kind === 'text' && o.key === target.key)
    .filter((o) => !wanted || wanted.has(o.start));
  if (mentions.length === 0 || (wanted && mentions.length < wanted.size)) {
    throw new CairnError(
      'conflict',
      `The note of “${concept.label}” no longer names “${target.label}” there: it changed since the suggestion was made.`,
    );
  }
  let rewritten = body!;
  // From the end, so the offsets of the earlier mentions still hold.
  for (const mention of [...mentions].reverse()) {
    rewritten =
      rewritten.slice(0, mention.start) +
      wikilinkFor(mention.text, target.label) +
      rewritten.slice(mention.end);
  }
  return { unresolved: saveNote(db, recorder, id, rewritten), linked: mentions.length };
}

/** Remembers that a suggested link (or, with relation "mentions", a mention) was dismissed. */
export function dismissSuggestion(
  db: Database,
  recorder: Recorder,
  sourceId: string,
  targetId: string,
  relation: string,
): void {
  const source = findConcept(db, sourceId);
  const target = findConcept(db, targetId);
  const result = db
    .prepare(
      'INSERT INTO dismissed_suggestions (source, target, relation) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    )
    .run(source.key, target.key, relation);
  if (result.changes > 0)
    recorder.created('dismissed_suggestions', [source.key, target.key, relation]);
}
