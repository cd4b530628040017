import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index';

/** The definition: one more than the newlines before the offset. */
const naive = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('LineIndex', () => {
  it('gives the line of every offset, with LF and CRLF, empty lines and the end', () => {
    const text = 'a\nbc\r\n\n\ndef\r\nlast';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length + 2; offset++) {
      expect(index.lineOf(offset), `offset ${offset}`).toBe(naive(text, offset));
    }
  });

  it('is line 1 everywhere in a text without newlines', () => {
    expect(new LineIndex('').lineOf(0)).toBe(1);
    expect(new LineIndex('abc').lineOf(2)).toBe(1);
  });
});
