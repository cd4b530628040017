// Where something found in a note's parsed text is in the note as written. markdown-it
// hands each inline block its text with the source's prefixes taken out (indentation,
// `>`, list markers, a table's `\` before `|`) and `\r\n` read as `\n`; rewriting a note
// ([[wikilinks]] after a rename, "Link it" on a mention) needs the offsets in the note
// itself. Shared by note-references.ts and note-mentions.ts.
import type { Token } from './note-markdown';

/** Something found in an inline block's text: where it starts there, and its text. */
export interface Placeable {
  at: number;
  raw: string;
  /**
   * Refuse a place that is not where the walk expects it: a mention must not be moved
   * onto another occurrence of its word, which may be in code. Otherwise the next
   * occurrence of `raw` in the block is taken.
   */
  strict?: boolean;
}

const MAX_MISSES = 8;

/**
 * Walks a note's block tokens in order (call `enter` for each) and places what is found
 * in their inline text at offsets in the note as written.
 */
export class NoteSourceMap {
  private readonly text: string;
  private readonly dropped: number[] = [];
  private readonly lineStarts: number[];
  // A table cell's inline token has no line map of its own: its row's says where it
  // is, and the cells of one row are found one after the other from there.
  private range: [number, number];

  constructor(body: string) {
    this.text = this.normalise(body);
    this.lineStarts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
    this.range = [0, this.text.length];
  }

  /** The next block token of the note; a block with a line map narrows the search to it. */
  enter(block: Token): void {
    if (!block.map) return;
    const [first, last] = block.map;
    this.range = [
      this.lineStarts[first] ?? this.text.length,
      this.lineStarts[last] ?? this.text.length,
    ];
  }

  /**
   * Offsets `[start, end)` in the note of each item of `block`'s inline text, in the
   * order found (increasing `at`); `[-1, -1]` where one cannot be placed.
   */
  place(block: Token, items: readonly Placeable[]): [number, number][] {
    const { spans, end } = this.locate(block.content, items, !block.map);
    // A table cell: the next cell is found after this one's whole text, even when
    // nothing was placed in it (else its code could be taken for the next cell's words).
    if (!block.map && end >= 0) this.range = [end, this.range[1]];
    return spans.map(([start, end]) =>
      start < 0 ? [-1, -1] : [this.toOriginal(start), this.toOriginal(end)],
    );
  }

  /** markdown-it reads `\r\n` and `\r` as `\n`: the offsets it gives are mapped back. */
  private normalise(body: string): string {
    if (!body.includes('\r')) return body;
    let text = '';
    let from = 0;
    for (let i = body.indexOf('\r'); i !== -1; i = body.indexOf('\r', i + 1)) {
      if (body[i + 1] === '\n') {
        text += body.slice(from, i);
        this.dropped.push(text.length);
        from = i + 1;
      }
    }
    text += body.slice(from);
    return text.replace(/\r/g, '\n');
  }

  private toOriginal(offset: number): number {
    // How many dropped `\r`s come before this offset (binary search: offsets grow).
    let low = 0;
    let high = this.dropped.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.dropped[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  }

  /**
   * The block's text is the source range with some characters taken out, so it is a
   * subsequence of it: walking both together places every character, in one pass. This
   * takes each character of the text at the first source character equal to it; the
   * characters markdown-it takes out (indentation, `>`, list markers, a cell's `\`) are
   * rarely the next one wanted, and a place that does not hold the item's text is
   * refused (`writtenLength`), so a wrong walk loses an item, never misplaces it.
   */
  private locate(
    content: string,
    items: readonly Placeable[],
    toTheEnd: boolean,
  ): { spans: [number, number][]; end: number } {
    const { text } = this;
    const to = this.range[1];
    const spans: [number, number][] = [];
    let s = this.range[0];
    let c = 0;
    let misses = 0;
    for (const item of items) {
      // A block whose text is not what the walk expects costs at most a few more walks.
      if (misses > MAX_MISSES || item.at < c) {
        spans.push([-1, -1]);
        continue;
      }
      const [fromS, fromC] = [s, c];
      for (; c <= item.at && s < to; s++) {
        const want = content.charCodeAt(c);
        const have = text.charCodeAt(s);
        if (have === want || (want === 0x20 && have === 0x09)) {
          if (c === item.at) break;
          c++;
        }
      }
      let length = s < to ? writtenLength(text, s, item.raw) : -1;
      if (length < 0 && !item.strict) {
        // Not where the walk expected (a construct that rewrote the text): the next
        // occurrence in the block, or nowhere.
        const next = text.indexOf(item.raw, Math.min(s, to));
        s = next !== -1 && next < to ? next : -1;
        length = s < 0 ? -1 : item.raw.length;
      }
      if (s < 0 || length < 0) {
        spans.push([-1, -1]);
        misses++;
        [s, c] = [fromS, fromC];
        continue;
      }
      spans.push([s, s + length]);
      s += length;
      c = item.at + item.raw.length;
    }
    if (!toTheEnd) return { spans, end: -1 };
    // On to the end of the block's text: where it ends in the source (-1: not found).
    for (; c < content.length && s < to; s++) {
      const want = content.charCodeAt(c);
      const have = text.charCodeAt(s);
      if (have === want || (want === 0x20 && have === 0x09)) c++;
    }
    return { spans, end: c >= content.length ? s : -1 };
  }
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
