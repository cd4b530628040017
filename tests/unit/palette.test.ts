import path from 'node:path';
import {
  converter,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { readDefaultGraph } from '../../src/main/seed/load-default-graph';
import {
  CATEGORY_PALETTE,
  CATEGORY_SHAPES,
  nextCategoryStyle,
  type CategoryStyle,
} from '../../src/shared/palette';
import { REPO_ROOT } from './helpers';

// Colour difference as people see it: CIEDE2000 (culori), under normal vision and under
// deuteranopia and protanopia as simulated by Machado, Oliveira and Fernandes (2009) at
// full severity (culori's filterDeficiency*). "Hue and chroma" leaves lightness out
// (kL = 100), so two colours that differ only in lightness count as close.
const deltaE = differenceCiede2000();
const hueAndChroma = differenceCiede2000(100, 1, 1);
const deuteranopia = filterDeficiencyDeuter(1);
const protanopia = filterDeficiencyProt(1);

const rgb = (hex: string) => converter('rgb')(hex)!;

const VISIONS = {
  normal: (a: string, b: string) => deltaE(a, b),
  deuteranopia: (a: string, b: string) => deltaE(deuteranopia(rgb(a)), deuteranopia(rgb(b))),
  protanopia: (a: string, b: string) => deltaE(protanopia(rgb(a)), protanopia(rgb(b))),
  'hue and chroma': (a: string, b: string) => hueAndChroma(a, b),
};

/** The closest pair of `colours` under `difference`. */
function closest(colours: readonly string[], difference: (a: string, b: string) => number) {
  let best = { difference: Infinity, pair: ['', ''] };
  colours.forEach((a, i) =>
    colours.slice(i + 1).forEach((b) => {
      const d = difference(a, b);
      if (d < best.difference) best = { difference: d, pair: [a, b] };
    }),
  );
  return best;
}

// The map's canvas in the light and dark themes (src/renderer/src/graph/styles.ts).
const CANVASES = { light: '#f7f7f5', dark: '#16171a' };

const defaultColours = readDefaultGraph(
  path.join(REPO_ROOT, 'data', 'default-graph.json'),
).categories.map((c) => c.color);

describe('category colours', () => {
  // A ΔE00 of about 2 is just noticeable side by side. The colours shipped before this
  // palette came as close as 5.0 (normal), 2.1 (deuteranopia), 3.2 (protanopia) and 4.6
  // (hue and chroma); these keep at least 7.9 under every one of them.
  it.each(Object.entries(VISIONS))(
    'keeps every two default categories apart (%s)',
    (_, difference) => {
      expect(new Set(defaultColours).size).toBe(defaultColours.length);
      const { difference: d, pair } = closest(defaultColours, difference);
      expect(d, `${pair.join(' and ')} are too close`).toBeGreaterThanOrEqual(7.5);
    },
  );

  it.each(Object.entries(VISIONS))(
    'keeps all 24 palette colours apart, for graphs with more categories (%s)',
    (_, difference) => {
      const { difference: d, pair } = closest(CATEGORY_PALETTE, difference);
      expect(d, `${pair.join(' and ')} are too close`).toBeGreaterThanOrEqual(6);
    },
  );

  it('takes the default graph colours from the palette, in its order', () => {
    expect(defaultColours).toEqual(CATEGORY_PALETTE.slice(0, defaultColours.length));
  });

  // Protanopia darkens reds (#bd004a comes to 11.9 from the dark canvas), hence less there.
  it.each(Object.entries(CANVASES))('stands every colour out from the %s canvas', (_, canvas) => {
    for (const colour of CATEGORY_PALETTE) {
      expect(VISIONS.normal(colour, canvas), colour).toBeGreaterThanOrEqual(15);
      expect(VISIONS.deuteranopia(colour, canvas), colour).toBeGreaterThanOrEqual(10);
      expect(VISIONS.protanopia(colour, canvas), colour).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('the style of a new category', () => {
  it('is the first palette colour no category uses', () => {
    expect(nextCategoryStyle([])).toEqual({ color: CATEGORY_PALETTE[0], shape: 'ellipse' });
    const used = CATEGORY_PALETTE.slice(0, 18).map((color) => ({
      color,
      shape: 'ellipse' as const,
    }));
    expect(nextCategoryStyle(used)).toEqual({ color: CATEGORY_PALETTE[18], shape: 'ellipse' });
    // A colour the user typed in capitals is the same colour.
    expect(
      nextCategoryStyle([{ color: CATEGORY_PALETTE[0].toUpperCase(), shape: 'star' }]),
    ).toEqual({
      color: CATEGORY_PALETTE[1],
      shape: 'ellipse',
    });
  });

  it('goes on with a new shape once every colour is in use, so no two categories look alike', () => {
    const styles: CategoryStyle[] = [];
    const total = CATEGORY_PALETTE.length * CATEGORY_SHAPES.length;
    for (let i = 0; i < total; i++) styles.push(nextCategoryStyle(styles));
    expect(new Set(styles.map((s) => `${s.color} ${s.shape}`)).size).toBe(total);
    expect(styles[CATEGORY_PALETTE.length]).toEqual({
      color: CATEGORY_PALETTE[0],
      shape: CATEGORY_SHAPES[1],
    });
    // Past every pair it still answers, cycling.
    expect(CATEGORY_PALETTE).toContain(nextCategoryStyle(styles).color);
  });
});
