// Category colours and shapes. Platform-free: main assigns them, the renderer draws them.
//
// The colours are taken from colorcet's `glasbey_category10` (Kovesi and the HoloViz
// authors, CC BY 4.0; https://colorcet.holoviz.org), a 256-colour categorical palette
// made with Glasbey's method (Glasbey et al., "Colour displays for categorical images",
// Color Research & Application 32(4), 2007) starting from D3's category10. Cairn keeps
// the entries whose CIELAB lightness is between 35 and 80 and whose chroma is at least
// 25, so a node stands out on the light canvas and on the dark one and is never a grey,
// then orders them as Glasbey's method does, each next colour the one farthest from all
// before it, measured as the smallest of CIEDE2000 under normal vision, under simulated
// deuteranopia and protanopia (Machado et al. 2009, full severity), and CIEDE2000 with
// lightness left out (so two colours never differ by lightness alone). The first 24 of
// that order are the palette; tests/unit/palette.test.ts checks what the order promises.

export const CATEGORY_PALETTE = [
  '#1f77b4',
  '#91d300',
  '#aa1500',
  '#6fbbab',
  '#a86d11',
  '#bd004a',
  '#fd94ff',
  '#a0a66a',
  '#8c564b',
  '#9300f3',
  '#17becf',
  '#b80080',
  '#995428',
  '#ca6c93',
  '#b1a132',
  '#3f6aff',
  '#8cb894',
  '#ab6068',
  '#7f3e71',
  '#ad8944',
  '#acc667',
  '#2d97c5',
  '#8b9500',
  '#00ab79',
] as const;

/**
 * Node shapes (Cytoscape.js names), chosen to stay apart when drawn small. The first
 * is every category's until the palette's colours are all in use; after that a new
 * category takes a colour again with the next shape, so no two categories look alike.
 */
export const CATEGORY_SHAPES = [
  'ellipse',
  'round-rectangle',
  'diamond',
  'triangle',
  'hexagon',
  'star',
  'vee',
  'rhomboid',
] as const;

export type CategoryShape = (typeof CATEGORY_SHAPES)[number];

const DEFAULT_CATEGORY_SHAPE: CategoryShape = 'ellipse';

export interface CategoryStyle {
  color: string;
  shape: CategoryShape;
}

/**
 * The look of a new category, given those of the categories there are: the first palette
 * colour no category uses; once every colour is used, the first colour and shape pair
 * no category has, shape by shape; once all of those are taken, one by count.
 */
export function nextCategoryStyle(existing: readonly CategoryStyle[]): CategoryStyle {
  const usedColours = new Set(existing.map((s) => s.color.toLowerCase()));
  const unused = CATEGORY_PALETTE.find((c) => !usedColours.has(c));
  if (unused) return { color: unused, shape: DEFAULT_CATEGORY_SHAPE };
  const usedPairs = new Set(existing.map((s) => `${s.color.toLowerCase()} ${s.shape}`));
  for (const shape of CATEGORY_SHAPES) {
    for (const color of CATEGORY_PALETTE) {
      if (!usedPairs.has(`${color} ${shape}`)) return { color, shape };
    }
  }
  const n = existing.length;
  return {
    color: CATEGORY_PALETTE[n % CATEGORY_PALETTE.length]!,
    shape: CATEGORY_SHAPES[Math.floor(n / CATEGORY_PALETTE.length) % CATEGORY_SHAPES.length]!,
  };
}

export function isCategoryShape(value: string): value is CategoryShape {
  return (CATEGORY_SHAPES as readonly string[]).includes(value);
}
