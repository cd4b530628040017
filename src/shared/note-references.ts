// What a Markdown note refers to: [[wikilinks]] and #tags, read from the one parse of
// the note (note-markdown.ts), so code spans and code blocks of every kind stay literal
// exactly as the preview shows them. Linear in the length of the note.
import { foldLabel } from './labels';
import { noteTokens, type WikilinkMeta } from './note-markdown';
import { NoteSourceMap } from './note-source';

export interface Wikilink {
  /** The concept label written inside the brackets, trimmed. */
  target: string;
  /** The text to show: after `|` if given, else the target. */
  text: string;
  /** Offsets of the whole `[[…]]` in the note; -1 when it cannot be placed (see locate). */
  start: number;
  end: number;
}

export interface NoteReferences {
  /** In the order they are written. */
  wikilinks: Wikilink[];
  /** Distinct, lower-cased, in the order they are written. */
  tags: string[];
}

/** The [[wikilinks]] and #tags of a note, from one parse. */
export function noteReferences(body: string): NoteReferences {
  const source = new NoteSourceMap(body);
  const wikilinks: Wikilink[] = [];
  const tags = new Set<string>();
  for (const block of noteTokens(body)) {
    source.enter(block);
    if (block.type !== 'inline' || !block.children) continue;
    const found: WikilinkMeta[] = [];
    for (const token of block.children) {
      if (token.type === 'wikilink') found.push(token.meta as unknown as WikilinkMeta);
      else if (token.type === 'tag') tags.add(token.content);
    }
    // Placed even when empty: a table cell moves the search on to the next one.
    const spans = source.place(block, found);
    found.forEach((link, i) => {
      const [start, end] = spans[i]!;
      wikilinks.push({ target: link.target, text: link.text, start, end });
    });
  }
  return { wikilinks, tags: [...tags] };
}

export function parseWikilinks(body: string): Wikilink[] {
  return noteReferences(body).wikilinks;
}

/** Distinct wikilink targets, first spelling kept, compared case-insensitively. */
export function wikilinkTargets(body: string): string[] {
  return distinctTargets(noteReferences(body).wikilinks);
}

export function distinctTargets(wikilinks: readonly Wikilink[]): string[] {
  const seen = new Map<string, string>();
  for (const link of wikilinks) {
    const key = foldLabel(link.target);
    if (!seen.has(key)) seen.set(key, link.target);
  }
  return [...seen.values()];
}

export function parseNoteTags(body: string): string[] {
  return noteReferences(body).tags;
}
