// How concept names are found in prose: text is cut into tokens (runs of letters, digits
// and `_`, and single other characters), each folded to lower case without accents, so
// "ETCD", "etcd" and "étcd" are one word. A label matches where its tokens follow one
// another with the same spacing ("Node.js" is not "Node . js"), which makes every match
// whole words: a token never starts or ends inside a word.

export interface MatchToken {
  /** Folded: lower case, accents and other combining marks taken off. */
  folded: string;
  start: number;
  end: number;
  /** Whether whitespace comes before it (the first token of a label: always false). */
  spaced: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+|[^\s\p{L}\p{N}\p{M}_]/gu;
// eslint-disable-next-line no-control-regex -- ASCII, control characters included
const ASCII = /^[\u0000-\u007f]*$/;
const MARKS = /\p{M}/gu;

export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLocaleLowerCase('en');
}

/** The tokens of `text` from `from` to `to`, in order. */
export function matchTokens(text: string, from = 0, to = text.length): MatchToken[] {
  const tokens: MatchToken[] = [];
  TOKEN.lastIndex = from;
  let previousEnd = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    const folded = foldWord(text.slice(m.index, end));
    // A word of combining marks only folds to nothing: it is no token to match.
    if (folded.length > 0) {
      tokens.push({
        folded,
        start: m.index,
        end,
        spaced: tokens.length > 0 && m.index > previousEnd,
      });
    }
    previousEnd = end;
  }
  return tokens;
}

/** A name a concept can be found by. */
export interface LexiconEntry {
  key: number;
  label: string;
  tokens: readonly string[];
  spaced: readonly boolean[];
}

/** The names of a graph's concepts, looked up by their first token. */
export class MentionLexicon {
  private readonly byFirst = new Map<string, LexiconEntry[]>();
  readonly size: number;

  constructor(concepts: Iterable<{ key: number; label: string }>) {
    let size = 0;
    for (const { key, label } of concepts) {
      const tokens = matchTokens(label);
      if (tokens.length === 0) continue;
      const entry: LexiconEntry = {
        key,
        label,
        tokens: tokens.map((t) => t.folded),
        spaced: tokens.map((t, i) => i > 0 && t.spaced),
      };
      const first = entry.tokens[0]!;
      const list = this.byFirst.get(first);
      if (list) list.push(entry);
      else this.byFirst.set(first, [entry]);
      size++;
    }
    // The longest name first: "Kubernetes API server" wins over "Kubernetes".
    for (const list of this.byFirst.values())
      list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.size = size;
  }

  /**
   * The longest name that starts at `tokens[i]`, with the number of tokens it takes, or
   * null. `stop` is the first index the name may not reach (the next literal range).
   */
  longestAt(
    tokens: readonly MatchToken[],
    i: number,
    stop = tokens.length,
  ): { entry: LexiconEntry; length: number } | null {
    const candidates = this.byFirst.get(tokens[i]!.folded);
    if (!candidates) return null;
    for (const entry of candidates) {
      const length = entry.tokens.length;
      if (i + length > stop) continue;
      let matches = true;
      for (let k = 1; k < length && matches; k++) {
        const token = tokens[i + k]!;
        matches = token.folded === entry.tokens[k] && token.spaced === entry.spaced[k];
      }
      if (matches) return { entry, length };
    }
    return null;
  }
}
