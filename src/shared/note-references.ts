// What a Markdown note refers to: [[wikilinks]] and #tags, read from the one parse of
// the note (note-markdown.ts), so code spans and code blocks of every kind stay literal
// exactly as the preview shows them. Linear in the length of the note.
import { foldLabel } from './labels';
import { noteTokens, type Token, type WikilinkMeta } from './note-markdown';

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
  const source = normalise(body);
  const lineStarts = lineStartsOf(source.text);
  const wikilinks: Wikilink[] = [];
  const tags = new Set<string>();
  // A table cell's inline token has no line map of its own: its row's says where it is,
  // and the cells of one row are found one after the other from there.
  let range: [number, number] = [0, source.text.length];
  for (const block of noteTokens(body)) {
    if (block.map) range = lineRange(block.map, lineStarts, source.text);
    if (block.type !== 'inline' || !block.children) continue;
    const found: WikilinkMeta[] = [];
    for (const token of block.children) {
      if (token.type === 'wikilink') found.push(token.meta as unknown as WikilinkMeta);
      else if (token.type === 'tag') tags.add(token.content);
    }
    if (found.length === 0) continue;
    const spans = locate(source.text, range, block, found);
    const last = spans.findLast(([start]) => start >= 0);
    if (last && !block.map) range = [last[1], range[1]];
    found.forEach((link, i) => {
      const [start, end] = spans[i]!;
      wikilinks.push({
        target: link.target,
        text: link.text,
        start: start < 0 ? -1 : source.toOriginal(start),
        end: start < 0 ? -1 : source.toOriginal(end),
      });
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

/**
 * markdown-it reads `\r\n` and `\r` as `\n`; offsets into that text are mapped back to
 * the note as written, so rewriting a [[wikilink]] keeps the note's own line endings.
 */
function normalise(body: string): { text: string; toOriginal(offset: number): number } {
  if (!body.includes('\r')) return { text: body, toOriginal: (offset) => offset };
  const dropped: number[] = [];
  let text = '';
  let from = 0;
  for (let i = body.indexOf('\r'); i !== -1; i = body.indexOf('\r', i + 1)) {
    if (body[i + 1] === '\n') {
      text += body.slice(from, i);
      dropped.push(text.length);
      from = i + 1;
    }
  }
  text += body.slice(from);
  return {
    text: text.replace(/\r/g, '\n'),
    toOriginal(offset) {
      // How many dropped `\r`s come before this offset (binary search: offsets grow).
      let low = 0;
      let high = dropped.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (dropped[mid]! < offset) low = mid + 1;
        else high = mid;
      }
      return offset + low;
    },
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineRange(
  [first, last]: [number, number],
  lineStarts: number[],
  text: string,
): [number, number] {
  return [lineStarts[first] ?? text.length, lineStarts[last] ?? text.length];
}

const MAX_MISSES = 8;

/**
 * Where each wikilink of an inline block starts in the source. The block's text is the
 * source lines with their prefixes (indentation, `>`, list markers, a table's `\`
 * before `|`) taken out, so it is a subsequence of the source range: walking both
 * together places every character, in one pass. None of the removed characters is a
 * `[`, so a `[[` always lands on itself.
 */
function locate(
  text: string,
  [from, to]: [number, number],
  block: Token,
  links: readonly WikilinkMeta[],
): [number, number][] {
  const content = block.content;
  const spans: [number, number][] = [];
  let s = from;
  let c = 0;
  let misses = 0;
  for (const link of links) {
    // A block whose text is not what the walk expects costs at most a few more walks.
    if (misses > MAX_MISSES) {
      spans.push([-1, -1]);
      continue;
    }
    const [fromS, fromC] = [s, c];
    for (; c <= link.at && s < to; s++) {
      const want = content.charCodeAt(c);
      const have = text.charCodeAt(s);
      if (have === want || (want === 0x20 && have === 0x09)) {
        if (c === link.at) break;
        c++;
      }
    }
    let length = s < to ? writtenLength(text, s, link.raw) : -1;
    if (length < 0) {
      // Not where the walk expected (a construct that rewrote the text): the next
      // occurrence in the block, or nowhere.
      const next = text.indexOf(link.raw, Math.min(s, to));
      s = next !== -1 && next < to ? next : -1;
      length = s < 0 ? -1 : link.raw.length;
    }
    if (s < 0) {
      spans.push([-1, -1]);
      misses++;
      [s, c] = [fromS, fromC];
      continue;
    }
    spans.push([s, s + length]);
    s += length;
    c = link.at + link.raw.length;
  }
  return spans;
}

/**
 * How long `raw` is as written at `at`: itself, or with `\|` for its `|`, which a
 * table cell must escape. -1 when it is not there.
 */
function writtenLength(text: string, at: number, raw: string): number {
  if (text.startsWith(raw, at)) return raw.length;
  const escaped = raw.replace('|', '\\|');
  return escaped !== raw && text.startsWith(escaped, at) ? escaped.length : -1;
}
