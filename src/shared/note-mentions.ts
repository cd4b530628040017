// The concepts a note names, in plain text (unlinked mentions, as Obsidian finds them)
// and in [[wikilinks]], and the sentences that say how two of them relate ("etcd stores
// data for the API server"). Read from the one parse of the note (note-markdown.ts):
// code spans, code blocks, links, URLs and #tags are never prose. Linear in the note.
import { matchTokens, type MatchToken, type MentionLexicon } from './mention-lexicon';
import { parseNote, type WikilinkMeta } from './note-markdown';
import { NoteSourceMap } from './note-source';

export interface ConceptOccurrence {
  key: number;
  kind: 'text' | 'wikilink';
  /** Offsets in the note as written. */
  start: number;
  end: number;
  /** As written: the words, or the whole `[[…]]`. */
  text: string;
  /** The sentence it is in, on one line. */
  sentence: string;
}

/** Two concepts named one after the other in a sentence, and the words between them. */
export interface RelationCandidate {
  source: ConceptOccurrence;
  target: ConceptOccurrence;
  /**
   * The words between, folded and one space apart, as a relation would be written
   * ("stores data for the"); then without a trailing article ("stores data for").
   */
  phrases: string[];
}

export interface NoteScan {
  occurrences: ConceptOccurrence[];
  relations: RelationCandidate[];
}

/** The longest sentence shown with a suggestion; a longer one is cut around the names. */
const SENTENCE_LIMIT = 240;
const ARTICLES = new Set(['the', 'a', 'an']);
// A sentence ends at . ! or ? before whitespace or the end of the block.
const SENTENCE_END = /[.!?]+(?=\s|$)/g;

interface Found {
  key: number;
  kind: 'text' | 'wikilink';
  at: number;
  raw: string;
}

/**
 * Every concept `body` names. `resolve` says which concept a [[wikilink]]'s target is
 * (as saving the note does), or null.
 */
export function scanNote(
  body: string,
  lexicon: MentionLexicon,
  resolve: (target: string) => number | null,
): NoteScan {
  const { tokens: blocks, literals } = parseNote(body);
  const source = new NoteSourceMap(body);
  const occurrences: ConceptOccurrence[] = [];
  const relations: RelationCandidate[] = [];
  let inline = 0;
  for (const block of blocks) {
    source.enter(block);
    if (block.type !== 'inline' || !block.children) continue;
    const ranges = literals[inline++] ?? [];
    const content = block.content;
    const found = [
      ...textMentions(content, ranges, lexicon),
      ...wikilinks(block.children, resolve),
    ];
    found.sort((a, b) => a.at - b.at);
    // Placed even when empty: a table cell moves the search on to the next one.
    const spans = source.place(
      block,
      found.map((f) => ({ at: f.at, raw: f.raw, strict: f.kind === 'text' })),
    );
    const sentences = sentenceBounds(content);
    const placed: { occurrence: ConceptOccurrence; found: Found; sentence: number }[] = [];
    found.forEach((f, i) => {
      const [start, end] = spans[i]!;
      if (start < 0) return;
      const sentence = sentenceOf(sentences, f.at);
      const [from, to] = sentences[sentence]!;
      const occurrence: ConceptOccurrence = {
        key: f.key,
        kind: f.kind,
        start,
        end,
        text: body.slice(start, end),
        sentence: excerpt(content, from, to, f.at, f.at + f.raw.length),
      };
      occurrences.push(occurrence);
      placed.push({ occurrence, found: f, sentence });
    });
    let r = 0;
    for (let i = 1; i < placed.length; i++) {
      const a = placed[i - 1]!;
      const b = placed[i]!;
      const from = a.found.at + a.found.raw.length;
      const to = b.found.at;
      // Nothing literal between them (a [[wikilink]]'s own range ends at `from`).
      while (r < ranges.length && ranges[r]![1] <= from) r++;
      if (r < ranges.length && ranges[r]![0] < to) continue;
      if (a.sentence !== b.sentence || a.found.key === b.found.key) continue;
      const phrases = relationPhrases(content.slice(from, to));
      if (phrases.length === 0) continue;
      const [sFrom, sTo] = sentences[a.sentence]!;
      const sentence = excerpt(content, sFrom, sTo, a.found.at, to + b.found.raw.length);
      relations.push({
        source: { ...a.occurrence, sentence },
        target: { ...b.occurrence, sentence },
        phrases,
      });
    }
  }
  return { occurrences, relations };
}

/** The names in a block's prose, longest first where names overlap, none in a literal range. */
function textMentions(
  content: string,
  /** Sorted and disjoint. */
  ranges: readonly [number, number][],
  lexicon: MentionLexicon,
): Found[] {
  const tokens = matchTokens(content);
  // Whether each token is in a literal range: one sweep, as both are in order.
  const literal = new Array<boolean>(tokens.length);
  let r = 0;
  tokens.forEach((token, i) => {
    while (r < ranges.length && ranges[r]![1] <= token.start) r++;
    literal[i] = r < ranges.length && ranges[r]![0] < token.end;
  });
  // For each token: the index of the first token at or after it that is literal.
  const nextLiteral = new Array<number>(tokens.length + 1);
  nextLiteral[tokens.length] = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--)
    nextLiteral[i] = literal[i] ? i : nextLiteral[i + 1]!;
  const found: Found[] = [];
  for (let i = 0; i < tokens.length;) {
    if (literal[i]) {
      i++;
      continue;
    }
    const match = lexicon.longestAt(tokens, i, nextLiteral[i]);
    if (!match) {
      i++;
      continue;
    }
    const first: MatchToken = tokens[i]!;
    const last: MatchToken = tokens[i + match.length - 1]!;
    found.push({
      key: match.entry.key,
      kind: 'text',
      at: first.start,
      raw: content.slice(first.start, last.end),
    });
    i += match.length;
  }
  return found;
}

function wikilinks(
  children: readonly { type: string; meta: unknown }[],
  resolve: (target: string) => number | null,
): Found[] {
  const found: Found[] = [];
  for (const token of children) {
    if (token.type !== 'wikilink') continue;
    const meta = token.meta as WikilinkMeta;
    const key = resolve(meta.target);
    if (key !== null) found.push({ key, kind: 'wikilink', at: meta.at, raw: meta.raw });
  }
  return found;
}

/**
 * The words between two names as relation phrases: nothing but words (a comma, a
 * bracket or a code span between them says something else), folded, one space apart.
 */
export function relationPhrases(between: string): string[] {
  const tokens = matchTokens(between);
  if (tokens.length === 0 || tokens.some((t) => !/[\p{L}\p{N}]/u.test(t.folded))) return [];
  const words = tokens.map((t) => t.folded);
  const phrases = [words.join(' ')];
  if (words.length > 1 && ARTICLES.has(words.at(-1)!)) phrases.push(words.slice(0, -1).join(' '));
  return phrases;
}

/** A relation's name, folded as `relationPhrases` folds the words of a sentence. */
export function relationKey(relation: string): string {
  return matchTokens(relation)
    .map((t) => t.folded)
    .join(' ');
}

function sentenceBounds(content: string): [number, number][] {
  const bounds: [number, number][] = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(content); m; m = SENTENCE_END.exec(content)) {
    const end = m.index + m[0].length;
    bounds.push([from, end]);
    from = end;
  }
  if (from < content.length || bounds.length === 0) bounds.push([from, content.length]);
  return bounds;
}

/** The sentence holding `at` (bounds are in order and cover the block). */
function sentenceOf(bounds: readonly [number, number][], at: number): number {
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (bounds[mid]![0] <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The sentence on one line, cut to SENTENCE_LIMIT around `[focusFrom, focusTo)`. */
function excerpt(
  content: string,
  from: number,
  to: number,
  focusFrom: number,
  focusTo: number,
): string {
  let start = from;
  let end = to;
  if (end - start > SENTENCE_LIMIT) {
    const spare = Math.max(0, SENTENCE_LIMIT - (focusTo - focusFrom));
    start = Math.max(from, focusFrom - Math.floor(spare / 2));
    end = Math.min(to, start + Math.max(SENTENCE_LIMIT, focusTo - start));
  }
  const text = content.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > from ? '…' : ''}${text}${end < to ? '…' : ''}`;
}
