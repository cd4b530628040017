// The one Markdown parser of notes, shared by main (which links [[wikilinks]] and
// collects #tags when a note is saved) and the renderer (which draws the preview from
// the same tokens). Reading a note the same way in both is what keeps a link the
// preview shows as code from becoming a mention link, and the reverse.
//
// markdown-it, not micromark (remark's parser): measured on 1,000,000 characters,
// markdown-it stays linear on inputs that take micromark minutes (80,000 characters
// of `> ` took micromark 13.5 s; nested brackets and `[[x]]` runs are quadratic there).
import markdownIt, { type MarkdownIt, type StateInline, type Token } from 'markdown-it';

export type { Token };

// [[Target]] or [[Target|shown text]]; the target cannot hold brackets, `|` or a newline.
const WIKILINK = /\[\[([^[\]|\n]{1,200})(?:\|([^[\]\n]{1,200}))?\]\]/y;
// A #tag starts after whitespace or at the start of a line, and is not a heading
// (`# Title`, a block of its own), an anchor in a link (`[x](#top)`, never inline text)
// or inside a word (`C#`, `a#b`).
const TAG = /#([\p{L}_][\p{L}\p{N}_/-]{0,49})(?![\p{L}\p{N}_/-])/uy;

export interface WikilinkMeta {
  target: string;
  text: string;
  /** The `[[…]]` as written, to find it in the note's source. */
  raw: string;
  /** Where it starts in the inline content it was found in. */
  at: number;
}

function wikilinkRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5b) return false;
  // A link inside a link's text would be a link in a link: leave it as text.
  if (state.linkLevel > 0) return false;
  WIKILINK.lastIndex = pos;
  const match = WIKILINK.exec(src);
  if (!match || pos + match[0].length > state.posMax) return false;
  const target = match[1]!.trim();
  if (target.length === 0) return false;
  if (!silent) {
    const token = state.push('wikilink', 'a', 0);
    const meta: WikilinkMeta = {
      target,
      text: (match[2] ?? match[1]!).trim(),
      raw: match[0],
      at: pos,
    };
    token.meta = meta as unknown as Record<string, unknown>;
    token.content = meta.text;
  }
  state.pos += match[0].length;
  return true;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

function tagRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x23) return false;
  if (pos > 0 && !isSpace(src.charCodeAt(pos - 1))) return false;
  TAG.lastIndex = pos;
  const match = TAG.exec(src);
  if (!match || pos + match[0].length > state.posMax) return false;
  if (!silent) {
    const token = state.push('tag', 'span', 0);
    token.content = match[1]!.toLocaleLowerCase('en');
    token.markup = match[0];
  }
  state.pos += match[0].length;
  return true;
}

function createNoteParser(): MarkdownIt {
  // html: false shows raw HTML as the text it is; linkify makes bare URLs links, as GFM does.
  const md = markdownIt('default', { html: false, linkify: true, typographer: false });
  md.inline.ruler.before('link', 'wikilink', wikilinkRule);
  md.inline.ruler.before('link', 'tag', tagRule);
  return md;
}

let parser: MarkdownIt | undefined;

/** The tokens of a note, as markdown-it gives them, with `wikilink` and `tag` tokens inline. */
export function noteTokens(body: string): Token[] {
  parser ??= createNoteParser();
  return parser.parse(body, {});
}
