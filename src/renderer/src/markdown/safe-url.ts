// Which addresses a rendered note may link to. Notes are untrusted (a graph can come
// from someone else), so this is an allow-list: anything else renders as inert text.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The href to keep, or null for none: http(s) and mailto links only ([[wikilinks]] are
 * tokens of their own, never addresses).
 * Relative and protocol-relative addresses are dropped too, since following one would
 * navigate the app's own window away. `javascript:`, `data:`, `file:`, `vbscript:`
 * and every other scheme, however spelled (the Markdown parser has already decoded
 * entities such as `&#106;`), fail the allow-list.
 */
export function safeHref(url: string): string | null {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch {
      return null;
    }
  }
  if (scheme === 'mailto') return url;
  return null;
}

/**
 * What the confirmation before leaving the app shows of an http(s) address: its host
 * as the browser will contact it (punycode, so a look-alike name shows as `xn--…`)
 * and the whole address.
 */
export function externalAddress(href: string): { host: string; address: string } | null {
  try {
    const parsed = new URL(href);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return { host: parsed.host, address: parsed.href };
  } catch {
    return null;
  }
}
