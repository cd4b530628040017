import type { Core } from 'cytoscape';
import type { Origin } from '../../../shared/domain';
import { CATEGORY_PALETTE } from '../../../shared/palette';
import type { ColourBy, MeasureName } from '../../../shared/structure';
import { nodeSize, safeColour, type Colours } from './elements';

// What a concept's size and colour say on the map: its links (the default) or another
// measure of the structure, and its category, community or origin. The measures ride in
// each node's data (measureData in elements.ts); the size and colour the style maps are set from them.

export { COLOUR_BY, type ColourBy } from '../../../shared/structure';

export interface Styling {
  sizeBy: MeasureName;
  colourBy: ColourBy;
  /** Each measure's largest value in the graph: PageRank and betweenness are sized against it. */
  maxima: Readonly<Record<MeasureName, number>> | null;
}

export const DEFAULT_STYLING: Styling = { sizeBy: 'degree', colourBy: 'category', maxima: null };

/** The first colours categories take, one per origin. */
export const ORIGIN_COLOURS: Readonly<Record<Origin, string>> = {
  seed: CATEGORY_PALETTE[0]!,
  user: CATEGORY_PALETTE[1]!,
  import: CATEGORY_PALETTE[2]!,
};
/** Smaller communities than the named ones, and concepts not measured yet. */
export const OTHER_COLOUR = '#8b8f98';
/** The largest communities get a colour each and a line in the legend; the rest are grey. */
export const NAMED_COMMUNITIES = 10;
/** The size of a concept a measure has not reached yet (added since the last measure). */
const UNMEASURED_SIZE = 12;
const SMALLEST = 14;
const LARGEST = 48;

export function communityColour(community: number | null): string {
  return community !== null && community < NAMED_COMMUNITIES
    ? CATEGORY_PALETTE[community]!
    : OTHER_COLOUR;
}

interface StyledData {
  degree?: number;
  inDegree?: number;
  outDegree?: number;
  pagerank?: number | null;
  betweenness?: number | null;
  community?: number | null;
  category?: string;
  origin?: Origin;
}

export function styledSize(styling: Styling, data: StyledData): number {
  switch (styling.sizeBy) {
    case 'degree':
      return nodeSize(data.degree ?? 0);
    case 'inDegree':
      return nodeSize(data.inDegree ?? 0);
    case 'outDegree':
      return nodeSize(data.outDegree ?? 0);
    default: {
      // By area: a concept with a quarter of the largest value is half as wide.
      const value = data[styling.sizeBy];
      const max = styling.maxima?.[styling.sizeBy] ?? 0;
      if (value === null || value === undefined) return UNMEASURED_SIZE;
      if (max <= 0) return SMALLEST;
      return SMALLEST + (LARGEST - SMALLEST) * Math.sqrt(Math.min(1, value / max));
    }
  }
}

export function styledColour(styling: Styling, data: StyledData, colours: Colours): string {
  switch (styling.colourBy) {
    case 'category':
      return safeColour(colours.get(data.category ?? '')?.color);
    case 'community':
      return communityColour(data.community ?? null);
    case 'origin':
      return data.origin ? ORIGIN_COLOURS[data.origin] : OTHER_COLOUR;
  }
}

/** Sets every drawn concept's size and colour as the styling says, touching only what differs. */
export function applyStyling(cy: Core, styling: Styling, colours: Colours): void {
  cy.batch(() => {
    cy.nodes(':not(.eh-ghost)').forEach((node) => {
      const data = node.data() as StyledData & { size: number; color: string };
      const size = styledSize(styling, data);
      const color = styledColour(styling, data, colours);
      if (data.size !== size || data.color !== color) node.data({ size, color });
    });
  });
}
