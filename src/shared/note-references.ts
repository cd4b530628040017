// What a Markdown note refers to: [[wikilinks]] and #tags. Shared, so the note
// preview in the renderer and the link sync in main read a note the same way.

export interface Wikilink {
  /** The concept label written inside the brackets, trimmed. */
  target: string;
  /** The text to show: after `|` if given, else the target. */
  text: string;
  /** Offsets of the whole `[[…]]` in the note. */
  start: number;
  end: number;
}

// [[Target]] or [[Target|shown text]]; the target cannot hold brackets, `|` or a newline.
const WIKILINK = /\[\[([^[\]|\n]{1,200})(?:\|([^[\]\n]{1,200}))?\]\]/g;

/** Code spans and fenced blocks are literal text: nothing inside them is a reference. */
function codeRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  const code = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`/g;
  for (const match of body.matchAll(code))
    ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

function inside(ranges: [number, number][], at: number): boolean {
  return ranges.some(([start, end]) => at >= start && at < end);
}

export function parseWikilinks(body: string): Wikilink[] {
  const code = codeRanges(body);
  const links: Wikilink[] = [];
  for (const match of body.matchAll(WIKILINK)) {
    if (inside(code, match.index)) continue;
    const target = match[1]!.trim();
    if (target.length === 0) continue;
    links.push({
      target,
      text: (match[2] ?? match[1]!).trim(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return links;
}

/** Distinct wikilink targets, first spelling kept, compared case-insensitively. */
export function wikilinkTargets(body: string): string[] {
  const seen = new Map<string, string>();
  for (const link of parseWikilinks(body)) {
    const key = link.target.toLocaleLowerCase('en');
    if (!seen.has(key)) seen.set(key, link.target);
  }
  return [...seen.values()];
}

// A #tag starts after whitespace or at the start of a line, and is not a heading
// (`# Title`), an anchor in a link (`[x](#top)`) or inside a word (`C#`, `a#b`).
const TAG = /(?<=^|\s)#([\p{L}_][\p{L}\p{N}_/-]{0,49})(?![\p{L}\p{N}_/-])/gu;

export function parseNoteTags(body: string): string[] {
  const code = codeRanges(body);
  const tags = new Set<string>();
  for (const match of body.matchAll(TAG)) {
    if (inside(code, match.index)) continue;
    tags.add(match[1]!.toLocaleLowerCase('en'));
  }
  return [...tags];
}
