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
}

/** A step of the trie: the name that ends here, if any, and the tokens that go on. */
interface TrieNode {
  entry?: LexiconEntry;
  next?: Map<string, TrieNode>;
}

/** A token as a step of the trie: its folded text, after a space when one comes before it. */
const stepKey = (token: MatchToken, first: boolean) =>
  first || !token.spaced ? token.folded : ` ${token.folded}`;

/**
 * The names of a graph's concepts as a trie of tokens, so finding the longest name at a
 * place in a note costs the length of that name, however many names share its first
 * words (an import can hold thousands of "Pod …").
 */
export class MentionLexicon {
  private readonly root: TrieNode = {};
  readonly size: number;

  constructor(concepts: Iterable<{ key: number; label: string }>) {
    let size = 0;
    for (const { key, label } of concepts) {
      const tokens = matchTokens(label);
      if (tokens.length === 0) continue;
      let node = this.root;
      tokens.forEach((token, i) => {
        node.next ??= new Map();
        const step = stepKey(token, i === 0);
        let child = node.next.get(step);
        if (!child) node.next.set(step, (child = {}));
        node = child;
      });
      // Two labels that fold alike ("Etcd", "étcd"): the first one keeps the name.
      if (!node.entry) {
        node.entry = { key, label };
        size++;
      }
    }
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
    let node: TrieNode | undefined = this.root;
    let found: { entry: LexiconEntry; length: number } | null = null;
    for (let k = i; k < stop && node?.next; k++) {
      node = node.next.get(stepKey(tokens[k]!, k === i));
      if (node?.entry) found = { entry: node.entry, length: k - i + 1 };
    }
    return found;
  }
}
