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

// The inline rules whose text is not prose: code, links of every kind, #tags, escapes
// and entities. A concept's name inside one is not an unlinked mention of it.
const LITERAL_RULES = [
  'backticks',
  'link',
  'image',
  'autolink',
  'linkify',
  'wikilink',
  'tag',
  'escape',
  'entity',
] as const;

type Range = [number, number];

/** What the parse is given to fill: the literal ranges of each inline block, in order. */
interface LiteralsEnv {
  literals?: Range[][];
  /** How deep in inline parses: an image's alt text is parsed on its own, inside its block's. */
  depth?: number;
}

interface NamedRule {
  name: string;
  fn: (state: StateInline, silent: boolean) => boolean;
}

/**
 * Wraps the literal rules so that each one that takes text reports where. markdown-it
 * has no public way to read a rule back by name, hence its `__rules__`; a rule missing
 * there (a change in markdown-it) fails here, at once, not silently.
 */
function recordLiterals(md: MarkdownIt): void {
  const rules = (md.inline.ruler as unknown as { __rules__: NamedRule[] }).__rules__;
  for (const name of LITERAL_RULES) {
    const rule = rules.find((r) => r.name === name);
    if (!rule) throw new Error(`markdown-it has no inline rule "${name}"`);
    const original = rule.fn;
    md.inline.ruler.at(name, (state, silent) => {
      const start = state.pos;
      const took = original(state, silent);
      const env = state.env as LiteralsEnv;
      if (took && !silent && env.literals && env.depth === 1) {
        env.literals.at(-1)!.push([start, state.pos]);
      }
      return took;
    });
  }
  // One inline parse per inline block, in document order (core's `inline` rule); the
  // ranges of a parse inside it (an image's alt text) are in other text, and not kept.
  const parse = md.inline.parse.bind(md.inline);
  md.inline.parse = (src, mdInstance, anyEnv, outTokens) => {
    const env = anyEnv as LiteralsEnv;
    if (!env.literals) return parse(src, mdInstance, anyEnv, outTokens);
    env.depth = (env.depth ?? 0) + 1;
    if (env.depth === 1) env.literals.push([]);
    try {
      parse(src, mdInstance, anyEnv, outTokens);
    } finally {
      env.depth--;
    }
  };
}

function createNoteParser(): MarkdownIt {
  // html: false shows raw HTML as the text it is; linkify makes bare URLs links, as GFM does.
  const md = markdownIt('default', { html: false, linkify: true, typographer: false });
  md.inline.ruler.before('link', 'wikilink', wikilinkRule);
  md.inline.ruler.before('link', 'tag', tagRule);
  recordLiterals(md);
  return md;
}

let parser: MarkdownIt | undefined;

/** The tokens of a note, as markdown-it gives them, with `wikilink` and `tag` tokens inline. */
export function noteTokens(body: string): Token[] {
  parser ??= createNoteParser();
  return parser.parse(body, {});
}

export interface ParsedNote {
  tokens: Token[];
  /**
   * For each `inline` token, in order: the ranges of its text that are not prose (code
   * spans, links, bare URLs and domains, wikilinks, #tags, escapes, entities), sorted
   * and disjoint.
   */
  literals: Range[][];
}

/** The tokens of a note with the literal ranges of each inline block. */
export function parseNote(body: string): ParsedNote {
  parser ??= createNoteParser();
  const env: LiteralsEnv = { literals: [] };
  const tokens = parser.parse(body, env as Record<string, unknown>);
  const literals = env.literals!;
  // Bare domains ("kubernetes.io") are linked by a core rule after the inline parse,
  // so they are found the way that rule finds them.
  let index = 0;
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    const ranges = literals[index++];
    if (!ranges) continue;
    for (const match of parser.linkify.match(token.content) ?? []) {
      ranges.push([match.index, match.lastIndex]);
    }
    literals[index - 1] = merged(ranges);
  }
  return { tokens, literals };
}

/** The ranges in order and disjoint (a link's text holds other literals), so one sweep reads them. */
function merged(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [start, end] of ranges) {
    const last = out.at(-1);
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
