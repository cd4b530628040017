// The text a label is drawn with on the map. The full label stays in the element's data
// (what details, search and the tests read); the canvas gets a short form, because
// Cytoscape wraps only between words and has no line limit: a 200-character word was
// drawn as one line across the whole map, and a long label as a column of lines over
// its neighbours. Three lines at the style's width hold about 48 characters, the size
// label-grid.ts reserves for a label.

/** Characters a concept's label is drawn with at most, before its ellipsis. */
export const CONCEPT_LABEL_CHARS = 48;
/** Characters a link's relation is drawn with at most: it runs along the link, on one line. */
export const RELATION_LABEL_CHARS = 32;
/** A word longer than this is broken (about one line at the style's width). */
const WORD_CHARS = 16;
const ZERO_WIDTH_SPACE = '\u200b';

/** `text` cut to `max` characters (code points, so no emoji is split), with an ellipsis. */
export function shortened(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** A concept's label as the map draws it: at most three lines, long words broken. */
export function conceptCanvasLabel(label: string): string {
  const cut = shortened(label, CONCEPT_LABEL_CHARS);
  const ellipsis = cut === label ? '' : '…';
  const kept = ellipsis ? cut.slice(0, -1) : cut;
  return kept.replace(/\S+/gu, breakLongWord) + ellipsis;
}

function breakLongWord(word: string): string {
  const chars = Array.from(word);
  if (chars.length <= WORD_CHARS) return word;
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += WORD_CHARS)
    pieces.push(chars.slice(i, i + WORD_CHARS).join(''));
  // Cytoscape breaks a line at a zero-width space as at a space, and draws nothing there.
  return pieces.join(ZERO_WIDTH_SPACE);
}

/** A link's relation as the map draws it along the link. */
export function relationCanvasLabel(relation: string): string {
  return shortened(relation, RELATION_LABEL_CHARS);
}
