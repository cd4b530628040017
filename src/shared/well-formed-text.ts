// Text must be Unicode to be kept. A JavaScript string can hold half of a UTF-16
// surrogate pair on its own (JSON's "\ud800", a truncated emoji), which is no character:
// SQLite would store it as bytes that are not UTF-8, and it reads back as three U+FFFD.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface LoneSurrogate {
  /** Where in the value: property names and array indexes, outermost first. */
  path: string[];
  codeUnit: number;
  /** 0-based, in UTF-16 units. */
  index: number;
}

/** The first lone surrogate in any string of `value` (objects and arrays walked), or null. */
export function findLoneSurrogate(value: unknown): LoneSurrogate | null {
  // One path, grown and shrunk as the walk goes: a call with 100,000 positions stays cheap.
  const path: string[] = [];
  const inString = (text: string): LoneSurrogate | null => {
    const match = LONE_SURROGATE.exec(text);
    return match ? { path: [...path], codeUnit: match[0].charCodeAt(0), index: match.index } : null;
  };
  const walk = (item: unknown): LoneSurrogate | null => {
    if (typeof item === 'string') return inString(item);
    if (item === null || typeof item !== 'object') return null;
    const entries: [string, unknown][] = Array.isArray(item)
      ? item.map((inner, index) => [String(index), inner])
      : Object.entries(item);
    for (const [key, inner] of entries) {
      // A property name that is not Unicode is named by the object that holds it.
      const inKey = inString(key);
      if (inKey) return inKey;
      path.push(key);
      const found = walk(inner);
      path.pop();
      if (found) return found;
    }
    return null;
  };
  return walk(value);
}

/** One sentence naming the field and the place. */
export function describeLoneSurrogate(found: LoneSurrogate, method: string): string {
  const where = found.path.length > 0 ? `The ${found.path.join('.')}` : `The argument`;
  const unit = `U+${found.codeUnit.toString(16).toUpperCase()}`;
  return `${where} of ${method} holds half of a surrogate pair (${unit} at position ${found.index + 1}), which is not a character.`;
}
