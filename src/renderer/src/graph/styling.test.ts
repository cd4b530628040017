import { describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE } from '../../../shared/palette';
import { coloursOf, nodeSize } from './elements';
import {
  communityColour,
  DEFAULT_STYLING,
  NAMED_COMMUNITIES,
  ORIGIN_COLOURS,
  OTHER_COLOUR,
  styledColour,
  styledSize,
} from './styling';

const maxima = { degree: 20, inDegree: 12, outDegree: 14, pagerank: 0.04, betweenness: 0.4 };
const colours = coloursOf([{ id: 'k8s', label: 'K8s', color: '#4e79a7', shape: 'ellipse' }]);
const node = {
  degree: 9,
  inDegree: 4,
  outDegree: 5,
  pagerank: 0.01,
  betweenness: 0.4,
  community: 2,
  category: 'k8s',
  origin: 'user' as const,
};

describe('styling by a measure', () => {
  it('sizes by links as the map always has, and by PageRank or betweenness against the largest', () => {
    expect(styledSize(DEFAULT_STYLING, node)).toBe(nodeSize(9));
    expect(styledSize({ ...DEFAULT_STYLING, sizeBy: 'inDegree' }, node)).toBe(nodeSize(4));
    expect(styledSize({ ...DEFAULT_STYLING, sizeBy: 'outDegree' }, node)).toBe(nodeSize(5));
    // A quarter of the largest PageRank: half way (its square root) from smallest to largest.
    expect(styledSize({ ...DEFAULT_STYLING, sizeBy: 'pagerank', maxima }, node)).toBe(31);
    expect(styledSize({ ...DEFAULT_STYLING, sizeBy: 'betweenness', maxima }, node)).toBe(48);
    // Not measured yet: drawn smaller than any measured concept.
    expect(
      styledSize({ ...DEFAULT_STYLING, sizeBy: 'pagerank', maxima }, { ...node, pagerank: null }),
    ).toBeLessThan(14);
  });

  it('colours by category, community or origin, with grey past the palette', () => {
    expect(styledColour(DEFAULT_STYLING, node, colours)).toBe('#4e79a7');
    expect(styledColour({ ...DEFAULT_STYLING, colourBy: 'community' }, node, colours)).toBe(
      CATEGORY_PALETTE[2],
    );
    expect(communityColour(NAMED_COMMUNITIES - 1)).toBe(CATEGORY_PALETTE[NAMED_COMMUNITIES - 1]);
    expect(communityColour(NAMED_COMMUNITIES)).toBe(OTHER_COLOUR);
    expect(communityColour(null)).toBe(OTHER_COLOUR);
    expect(styledColour({ ...DEFAULT_STYLING, colourBy: 'origin' }, node, colours)).toBe(
      ORIGIN_COLOURS.user,
    );
    expect(new Set(Object.values(ORIGIN_COLOURS)).size).toBe(3);
  });
});
