/**
 * Line numbers of character offsets in one text, found in O(log lines) each after one
 * pass over the text. Readers that know an item's offset (jsonc-parser's syntax tree)
 * ask for its line once per item; scanning from the start every time was quadratic.
 */
export class LineIndex {
  /** Offsets at which each line after the first starts. */
  private readonly starts: number[] = [];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.starts.push(at + 1);
    }
  }

  /** 1-based line of the character at `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
}
