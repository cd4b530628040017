import { importError } from './imported-graph';

/** Deeper than any graph file needs, and far below where a recursive parser runs out of stack. */
export const MAX_JSON_DEPTH = 1_000;

/**
 * Refuses JSON nested deeper than MAX_JSON_DEPTH before it is parsed: jsonc-parser
 * builds its tree recursively, and 10,000 levels of `[` overflow the stack. One
 * linear pass that skips strings, so it costs next to nothing on a real file.
 */
export function refuseDeepJson(text: string, file: string): void {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92)
        i++; // a backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) {
        throw importError(
          file,
          line,
          `the JSON is nested more than ${MAX_JSON_DEPTH.toLocaleString('en')} levels deep; Cairn reads at most ${MAX_JSON_DEPTH.toLocaleString('en')}`,
        );
      }
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
}
