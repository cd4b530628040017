import { MEASURE_LABELS, MEASURES } from '../../../shared/structure';
import { COLOUR_BY } from '../graph/styling';
import { hasGraph, type Action } from './action';

const COLOUR_LABELS = { category: 'category', community: 'community', origin: 'origin' } as const;

/** The graph's structure: the Structure panel, and what size and colour say on the map. */
export const STRUCTURE_ACTIONS: Action[] = [
  {
    id: 'show-structure',
    label: 'Structure',
    shortcuts: [{ key: 's' }],
    isEnabled: hasGraph,
    isPressed: (s) => s.structureOpen,
    describe: (s) =>
      s.structureOpen ? 'Hide the structure' : 'Show the structure: statistics and measures',
    perform: (ctx) => ctx.structure.togglePanel(),
  },
  {
    id: 'close-structure',
    label: 'Close structure',
    shortcuts: [],
    isEnabled: (s) => s.structureOpen,
    hiddenInPalette: true,
    perform: (ctx) => ctx.structure.togglePanel(),
  },
  {
    id: 'list-view',
    label: 'List view',
    shortcuts: [{ key: 't' }],
    isEnabled: hasGraph,
    isPressed: (s) => s.listOpen,
    describe: (s) =>
      s.listOpen
        ? 'Back to the map'
        : 'What the map shows, as sortable tables of concepts and links',
    perform: (ctx) => ctx.store.setState({ listOpen: !ctx.store.getState().listOpen }),
  },
  ...MEASURES.map((measure): Action => ({
    id: `size-by-${measure}`,
    label: `Size by ${MEASURE_LABELS[measure].toLowerCase()}`,
    shortcuts: [],
    isEnabled: hasGraph,
    isPressed: (s) => s.styling.sizeBy === measure,
    perform: (ctx) => ctx.structure.setSizeBy(measure),
  })),
  ...COLOUR_BY.map((by): Action => ({
    id: `colour-by-${by}`,
    label: `Colour by ${COLOUR_LABELS[by]}`,
    shortcuts: [],
    isEnabled: hasGraph,
    isPressed: (s) => s.styling.colourBy === by,
    perform: (ctx) => ctx.structure.setColourBy(by),
  })),
];
