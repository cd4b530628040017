// Category colours are stored as CSS `#rrggbb`; some formats want them as numbers.

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses `#rrggbb` (or `#rgb`); anything else gives null, and the writer leaves the colour out. */
export function parseHexColour(colour: string): Rgb | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  const long = short
    ? ['', short[1]! + short[1]!, short[2]! + short[2]!, short[3]! + short[3]!]
    : /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!long) return null;
  return {
    r: parseInt(long[1]!, 16),
    g: parseInt(long[2]!, 16),
    b: parseInt(long[3]!, 16),
  };
}

/** `#rrggbb` in lower case, or null when the stored colour is not a hex colour. */
export function normaliseHexColour(colour: string): string | null {
  const rgb = parseHexColour(colour);
  if (!rgb) return null;
  return '#' + [rgb.r, rgb.g, rgb.b].map((n) => n.toString(16).padStart(2, '0')).join('');
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function textColourOn(background: Rgb): '#000000' | '#ffffff' {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance =
    0.2126 * channel(background.r) +
    0.7152 * channel(background.g) +
    0.0722 * channel(background.b);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
