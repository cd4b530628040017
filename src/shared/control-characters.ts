// Characters that have no place in a one-line name (a label, a relation, a file
// name): C0 and C1 controls, newlines and tabs included, and the bidirectional
// overrides that can make text read differently from what it is.

function isControlCharacter(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0xfffe ||
    codePoint === 0xffff
  );
}

/** The first control character in `text` and its 0-based index (in UTF-16 units), or null. */
export function findControlCharacter(text: string): { codePoint: number; index: number } | null {
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.charCodeAt(index);
    if (isControlCharacter(codePoint)) return { codePoint, index };
  }
  return null;
}
