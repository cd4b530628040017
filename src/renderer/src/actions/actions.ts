import type { Session } from '../app/session';
import { selectCanGoBack, selectCanGoForward, selectHasGraph } from '../state/selectors';
import type { UiState } from '../state/store';
import { describe, type Shortcut } from './shortcuts';

export type ActionId =
  | 'focus-search'
  | 'back'
  | 'forward'
  | 'zoom-in'
  | 'zoom-out'
  | 'fit'
  | 're-layout'
  | 'clear-selection';

/** A user command. Toolbar buttons, the keyboard and (later) the command palette read this list. */
export interface Action {
  id: ActionId;
  label: string;
  shortcuts: Shortcut[];
  isEnabled(state: UiState): boolean;
  run(): void;
}

export function createActions(session: Session): Action[] {
  const hasGraph = selectHasGraph;
  return [
    {
      id: 'focus-search',
      label: 'Search concepts',
      shortcuts: [{ key: '/' }, { key: 'k', mod: true, inTextFields: true }],
      isEnabled: hasGraph,
      run: () => session.focusSearch(),
    },
    {
      id: 'back',
      label: 'Back',
      shortcuts: [{ key: 'ArrowLeft', alt: true }],
      isEnabled: (s) => hasGraph(s) && selectCanGoBack(s),
      run: () => session.back(),
    },
    {
      id: 'forward',
      label: 'Forward',
      shortcuts: [{ key: 'ArrowRight', alt: true }],
      isEnabled: (s) => hasGraph(s) && selectCanGoForward(s),
      run: () => session.forward(),
    },
    {
      id: 'zoom-in',
      label: 'Zoom in',
      shortcuts: [{ key: '+' }, { key: '=' }],
      isEnabled: hasGraph,
      run: () => session.zoomIn(),
    },
    {
      id: 'zoom-out',
      label: 'Zoom out',
      shortcuts: [{ key: '-' }],
      isEnabled: hasGraph,
      run: () => session.zoomOut(),
    },
    {
      id: 'fit',
      label: 'Fit to view',
      shortcuts: [{ key: 'f' }, { key: '0', mod: true }],
      isEnabled: hasGraph,
      run: () => session.fit(),
    },
    {
      id: 're-layout',
      label: 'Re-layout',
      shortcuts: [],
      isEnabled: (s) => hasGraph(s) && !s.layoutRunning,
      run: () => void session.relayout(),
    },
    {
      id: 'clear-selection',
      label: 'Clear selection',
      shortcuts: [{ key: 'Escape' }],
      isEnabled: (s) => s.selectedId !== null || s.highlightedCategory !== null,
      run: () => session.clearSelection(),
    },
  ];
}

/** "Zoom in (+)", for tooltips. */
export function tooltip(action: Action): string {
  const keys = action.shortcuts.map(describe).join(' or ');
  return keys ? `${action.label} (${keys})` : action.label;
}

export function findAction(actions: readonly Action[], id: ActionId): Action {
  const action = actions.find((a) => a.id === id);
  if (!action) throw new Error(`No action ${id}`);
  return action;
}
