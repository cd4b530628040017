import { selectDrawn, selectHiddenNeighbours, selectIsExpanded } from '../state/selectors';
import { canWrite, hasGraph, type Action } from './action';

const inLocal = (s: Parameters<Action['isEnabled']>[0]): boolean => s.mode.kind === 'local';
const hasFocus = (s: Parameters<Action['isEnabled']>[0]): boolean =>
  hasGraph(s) && s.selectedId !== null;

function neighbours(count: number): string {
  return count === 1 ? '1 neighbour' : `${count.toLocaleString('en')} neighbours`;
}

/** Exploring around concepts: the local graph, Expand and Collapse. */
export const EXPLORE_ACTIONS: Action[] = [
  {
    id: 'local-graph',
    label: 'Local graph',
    shortcuts: [{ key: 'g' }],
    isEnabled: (s) => hasGraph(s) && (s.selection.length > 0 || inLocal(s)),
    isPressed: inLocal,
    describe: (s) =>
      inLocal(s)
        ? 'Back to the whole graph'
        : s.selection.length > 1
          ? `Show the ${s.selection.length} selected concepts and their neighbours`
          : 'Show this concept and its neighbours',
    perform: (ctx) =>
      void (ctx.store.getState().mode.kind === 'local' ? ctx.local.leave() : ctx.local.show()),
  },
  {
    id: 'whole-graph',
    label: 'Whole graph',
    shortcuts: [],
    isEnabled: inLocal,
    describe: () => 'Leave the local graph and show the whole graph where it was',
    perform: (ctx) => void ctx.local.leave(),
  },
  {
    id: 'expand-concept',
    label: 'Expand',
    shortcuts: [{ key: 'x', shift: false }],
    isEnabled: (s) => hasFocus(s) && (selectHiddenNeighbours(s) ?? 0) > 0,
    describe: (s) => {
      const hidden = selectHiddenNeighbours(s);
      return hidden === null ? 'Expand' : `Expand: show ${neighbours(hidden)} not shown yet`;
    },
    perform: (ctx) => {
      const { selectedId, mode } = ctx.store.getState();
      if (selectedId === null) return;
      // On the whole graph, expanding opens the local graph around the concept.
      void (mode.kind === 'local' ? ctx.local.expand(selectedId) : ctx.local.show([selectedId]));
    },
  },
  {
    id: 'collapse-concept',
    label: 'Collapse',
    shortcuts: [{ key: 'x', shift: true }],
    isEnabled: (s) => hasFocus(s) && selectIsExpanded(s),
    describe: () => 'Collapse: hide the neighbours only this concept brought in',
    perform: (ctx) => {
      const id = ctx.store.getState().selectedId;
      if (id !== null) void ctx.local.collapse(id);
    },
  },
  {
    id: 'pin-concept',
    label: 'Pin',
    shortcuts: [{ key: 'p', shift: false }],
    isEnabled: (s) => hasFocus(s) && s.mode.kind === 'graph' && canWrite(s),
    isPressed: (s) => s.selectedId !== null && Boolean(selectDrawn(s).get(s.selectedId)?.pinned),
    describe: (s) =>
      s.selectedId !== null && selectDrawn(s).get(s.selectedId)?.pinned
        ? 'Unpin: let layouts move it again'
        : 'Pin: keep it where it is through any layout',
    perform: (ctx) => void ctx.view.togglePinned(),
  },
  {
    id: 'find-path',
    label: 'Find path to…',
    shortcuts: [{ key: 'p', shift: true }],
    isEnabled: hasGraph,
    describe: (s) =>
      s.details?.data ? `How is ${s.details.data.concept.label} connected to…?` : 'Find paths',
    perform: (ctx) => ctx.paths.open(),
  },
  {
    id: 'close-paths',
    label: 'Close paths',
    shortcuts: [],
    isEnabled: (s) => s.paths !== null,
    hiddenInPalette: true,
    perform: (ctx) => ctx.paths.close(),
  },
];
