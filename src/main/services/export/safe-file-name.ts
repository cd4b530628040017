// File names that are valid on Windows, macOS and Linux at once, for exports that
// write one file per concept. Pure: no file system access.

/** Forbidden by Windows in any file name, plus the C0 and C1 controls and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F-\u009F]/gu;

/** Device names Windows reserves whatever the case and whatever follows the first dot. */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/iu;

export interface SafeFileNameOptions {
  /** Further characters to replace, e.g. `[]#^|` which would break an Obsidian wikilink. */
  alsoForbidden?: string;
  /** At most this many characters (code points). Default 120. */
  maxLength?: number;
  /** Used when nothing is left of the name. Default "Untitled". */
  fallback?: string;
}

const DEFAULT_MAX_FILE_NAME_LENGTH = 120;

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/** Cuts to at most `max` code points, never inside a surrogate pair. */
function truncate(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}

/** Trailing dots and spaces are dropped by Windows; leading dots hide a file on Unix and in Obsidian. */
function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/**
 * A file name (without extension) made from `name`: forbidden characters become `-`,
 * whitespace runs become one space, the ends are trimmed, a reserved Windows device name
 * gets a trailing `_`, and the length is bounded.
 */
export function safeFileName(name: string, options: SafeFileNameOptions = {}): string {
  const max = options.maxLength ?? DEFAULT_MAX_FILE_NAME_LENGTH;
  const fallback = options.fallback ?? 'Untitled';
  let text = name.normalize('NFC').replace(/\s+/gu, ' ').replace(FORBIDDEN, '-');
  if (options.alsoForbidden) {
    text = text.replace(new RegExp(`[${escapeForClass(options.alsoForbidden)}]`, 'gu'), '-');
  }
  // Lone surrogates cannot be encoded in a file name.
  text = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '-',
  );
  text = trimEnds(truncate(trimEnds(text), max));
  if (text === '') text = fallback;
  const stem = text.split('.')[0]!.trimEnd();
  if (RESERVED.test(stem)) text = stem + '_' + text.slice(stem.length);
  return truncate(text, max);
}

/** The key under which two names would collide on a case-insensitive file system. */
function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Hands out safe names that are unique case-insensitively (as on Windows and macOS),
 * adding " 2", " 3", ... on a collision, within the length bound.
 */
export class FileNameAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly options: SafeFileNameOptions = {}) {}

  /** Marks a name as used without allocating it (e.g. a file the writer adds itself). */
  reserve(name: string): void {
    this.taken.add(fileNameKey(name));
  }

  allocate(name: string): string {
    const max = this.options.maxLength ?? DEFAULT_MAX_FILE_NAME_LENGTH;
    const base = safeFileName(name, this.options);
    let candidate = base;
    for (let n = 2; this.taken.has(fileNameKey(candidate)); n++) {
      const suffix = ` ${n}`;
      candidate = trimEnds(truncate(base, max - suffix.length)) + suffix;
    }
    this.taken.add(fileNameKey(candidate));
    return candidate;
  }
}
