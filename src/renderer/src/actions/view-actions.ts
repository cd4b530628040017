import { selectCanGoBack, selectCanGoForward } from '../state/selectors';
import { LAYOUT_NAMES, LAYOUTS } from '../../../shared/layouts';
import { canWrite, hasGraph, type Action } from './action';

/** Finding one's way: search, Back and Forward, the camera and what is shown. */
export const VIEW_ACTIONS: Action[] = [
  {
    id: 'focus-search',
    label: 'Search concepts',
    shortcuts: [{ key: '/' }, { key: 'k', mod: true, inTextFields: true }],
    isEnabled: hasGraph,
    perform: (ctx) => ctx.search.focus(),
  },
  {
    id: 'back',
    label: 'Back',
    shortcuts: [{ key: 'ArrowLeft', alt: true }],
    isEnabled: (s) => hasGraph(s) && selectCanGoBack(s),
    perform: (ctx) => ctx.selection.back(),
  },
  {
    id: 'forward',
    label: 'Forward',
    shortcuts: [{ key: 'ArrowRight', alt: true }],
    isEnabled: (s) => hasGraph(s) && selectCanGoForward(s),
    perform: (ctx) => ctx.selection.forward(),
  },
  {
    id: 'zoom-in',
    label: 'Zoom in',
    shortcuts: [{ key: '+' }, { key: '=' }],
    isEnabled: hasGraph,
    perform: (ctx) => ctx.view.zoomIn(),
  },
  {
    id: 'zoom-out',
    label: 'Zoom out',
    shortcuts: [{ key: '-' }],
    isEnabled: hasGraph,
    perform: (ctx) => ctx.view.zoomOut(),
  },
  {
    id: 'fit',
    label: 'Fit to view',
    shortcuts: [{ key: 'f' }, { key: '0', mod: true }],
    isEnabled: hasGraph,
    perform: (ctx) => ctx.view.fit(),
  },
  {
    id: 're-layout',
    label: 'Re-layout',
    shortcuts: [],
    isEnabled: (s) => hasGraph(s) && canWrite(s) && !s.layoutRunning,
    describe: (s) => `Lay the map out again (${LAYOUTS[s.layout].label})`,
    perform: (ctx) => void ctx.layout.run(),
  },
  {
    id: 'cancel-layout',
    label: 'Cancel layout',
    shortcuts: [],
    isEnabled: (s) => s.layoutRunning !== null,
    hiddenInPalette: true,
    perform: (ctx) => ctx.layout.cancel(),
  },
  ...LAYOUT_NAMES.map((name): Action => ({
    id: `layout-${name}`,
    label: `Layout: ${LAYOUTS[name].label}`,
    shortcuts: [],
    isEnabled: (s) => hasGraph(s) && canWrite(s) && !s.layoutRunning,
    isPressed: (s) => s.layout === name,
    describe: () => LAYOUTS[name].summary,
    perform: (ctx) => void ctx.layout.choose(name),
  })),
  {
    id: 'only-mine',
    label: 'Only mine',
    shortcuts: [],
    isEnabled: hasGraph,
    isPressed: (s) => s.filter.mine,
    describe: (s) =>
      s.filter.mine ? 'Show the whole graph' : 'Show only the concepts and links you made',
    perform: (ctx) => void ctx.filters.toggleMine(),
  },
  {
    id: 'clear-selection',
    label: 'Clear selection',
    shortcuts: [{ key: 'Escape' }],
    isEnabled: (s) => s.selectedId !== null || s.highlightedCategory !== null,
    perform: (ctx) => ctx.selection.clear(),
  },
];
