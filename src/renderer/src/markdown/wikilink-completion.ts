// Typing `[[` in a note opens a list of concepts to link (NoteSection.tsx). These say
// what is being typed inside an open `[[`, and what the note becomes once a concept is
// picked. Pure, so the editor's behaviour is tested without a browser.

/** The longest target a [[wikilink]] holds (note-markdown.ts). */
const MAX_TARGET = 200;

export interface OpenWikilink {
  /** Where the `[[` starts. */
  start: number;
  /** What is typed after it, up to the caret. */
  query: string;
}

/**
 * The `[[` the caret is inside, still open: on the same line, with no bracket or `|`
 * typed since. Null when the caret is anywhere else.
 */
export function openWikilinkAt(text: string, caret: number): OpenWikilink | null {
  const from = Math.max(0, caret - MAX_TARGET - 2);
  for (let i = caret - 1; i >= from; i--) {
    const char = text[i];
    if (char === '\n' || char === ']' || char === '|') return null;
    if (char === '[') {
      if (text[i - 1] !== '[') return null;
      // `[[[x` is not a wikilink's start the parser would read.
      if (text[i - 2] === '[') return null;
      return { start: i - 1, query: text.slice(i + 1, caret) };
    }
  }
  return null;
}

/** Whether a label can be written inside [[ ]]: no brackets, `|` or line breaks. */
export function linkableLabel(label: string): boolean {
  return label.length <= MAX_TARGET && !/[[\]|\n]/.test(label);
}

/**
 * The note with the open `[[` completed as `[[label]]`, and the caret after it. A `]]`
 * already right after the caret (typed, or closed by the user first) is taken in.
 */
export function completeWikilink(
  text: string,
  open: OpenWikilink,
  caret: number,
  label: string,
): { text: string; caret: number } {
  const link = `[[${label}]]`;
  const rest = text.slice(caret).startsWith(']]') ? text.slice(caret + 2) : text.slice(caret);
  return { text: text.slice(0, open.start) + link + rest, caret: open.start + link.length };
}
