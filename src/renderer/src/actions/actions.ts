import type { MenuCommand } from '../../../shared/menu-commands';
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
  | 'clear-selection'
  | 'command-palette'
  | 'new-concept'
  | 'edit-concept'
  | 'delete-concept'
  | 'add-link'
  | 'undo'
  | 'redo'
  | 'show-history'
  | 'only-mine'
  | MenuCommand;

/** A user command. Toolbar buttons, the keyboard and the command palette read this list. */
export interface Action {
  id: ActionId;
  label: string;
  shortcuts: Shortcut[];
  isEnabled(state: UiState): boolean;
  /** A longer description for the current state, e.g. "Undo Renamed “Pod” to “Pods”". */
  describe?(state: UiState): string;
  /** For toggles: whether it is on. */
  isPressed?(state: UiState): boolean;
  /** Left out of the command palette (it would only close it). */
  hiddenInPalette?: boolean;
  run(): void;
}

export function createActions(session: Session): Action[] {
  const hasGraph = selectHasGraph;
  const canEdit = (s: UiState) => s.status === 'ready' || s.status === 'empty';
  const hasSelection = (s: UiState) => hasGraph(s) && s.selectedId !== null;
  // Another graph can be opened even when this one failed to load.
  const canSwitch = (s: UiState) => s.status !== 'loading' && s.error?.code !== 'unauthorized';
  return [
    // The File menu: the desktop app's menu sends these ids (src/shared/menu-commands.ts).
    {
      id: 'new-graph',
      label: 'New graph…',
      shortcuts: [{ key: 'n', mod: true, shift: true, inTextFields: true }],
      isEnabled: canSwitch,
      run: () => session.openDialog({ kind: 'graph-file', purpose: 'new' }),
    },
    {
      id: 'open-graph',
      label: 'Open graph…',
      shortcuts: [{ key: 'o', mod: true, inTextFields: true }],
      isEnabled: canSwitch,
      run: () => session.openDialog({ kind: 'graph-file', purpose: 'open' }),
    },
    {
      id: 'import',
      label: 'Import…',
      shortcuts: [{ key: 'i', mod: true, inTextFields: true }],
      isEnabled: canEdit,
      run: () => session.openDialog({ kind: 'import' }),
    },
    {
      id: 'export',
      label: 'Export…',
      shortcuts: [{ key: 'e', mod: true, inTextFields: true }],
      isEnabled: hasGraph,
      run: () => session.openDialog({ kind: 'export' }),
    },
    {
      id: 'command-palette',
      label: 'Command palette',
      shortcuts: [{ key: 'p', mod: true, shift: true, inTextFields: true }],
      isEnabled: canEdit,
      hiddenInPalette: true,
      run: () => session.openDialog({ kind: 'palette' }),
    },
    {
      id: 'new-concept',
      label: 'New concept',
      shortcuts: [{ key: 'n' }],
      isEnabled: canEdit,
      run: () => session.openDialog({ kind: 'new-concept', position: session.viewportCentre() }),
    },
    {
      id: 'edit-concept',
      label: 'Edit concept',
      shortcuts: [{ key: 'e' }],
      isEnabled: (s) => hasSelection(s) && s.details?.data != null,
      run: () => session.setEditing(true),
    },
    {
      id: 'delete-concept',
      label: 'Delete concept',
      shortcuts: [{ key: 'Delete' }],
      isEnabled: (s) => hasSelection(s) && s.details?.data != null,
      run: () => {
        const id = session.store.getState().selectedId;
        if (id) session.openDialog({ kind: 'delete-concept', id });
      },
    },
    {
      id: 'add-link',
      label: 'Add link',
      shortcuts: [{ key: 'l' }],
      isEnabled: (s) => hasSelection(s) && s.details?.data != null,
      run: () => session.setAddingLink(true),
    },
    {
      id: 'undo',
      label: 'Undo',
      shortcuts: [{ key: 'z', mod: true }],
      isEnabled: (s) => canEdit(s) && s.changes.state.canUndo,
      describe: (s) =>
        s.changes.state.undoSummary ? `Undo ${s.changes.state.undoSummary}` : 'Nothing to undo',
      run: () => void session.undo(),
    },
    {
      id: 'redo',
      label: 'Redo',
      shortcuts: [
        { key: 'z', mod: true, shift: true },
        { key: 'y', mod: true },
      ],
      isEnabled: (s) => canEdit(s) && s.changes.state.canRedo,
      describe: (s) =>
        s.changes.state.redoSummary ? `Redo ${s.changes.state.redoSummary}` : 'Nothing to redo',
      run: () => void session.redo(),
    },
    {
      id: 'show-history',
      label: 'History',
      shortcuts: [{ key: 'h' }],
      isEnabled: canEdit,
      isPressed: (s) => s.historyOpen,
      describe: (s) => (s.historyOpen ? 'Hide history' : 'Show history'),
      run: () => session.toggleHistory(),
    },
    {
      id: 'only-mine',
      label: 'Only mine',
      shortcuts: [],
      isEnabled: hasGraph,
      isPressed: (s) => s.onlyMine,
      describe: (s) =>
        s.onlyMine ? 'Show the whole graph' : 'Show only the concepts and links you made',
      run: () => session.toggleOnlyMine(),
    },
    {
      id: 'focus-search',
      label: 'Search concepts',
      shortcuts: [{ key: '/' }, { key: 'k', mod: true, inTextFields: true }],
      isEnabled: hasGraph,
      run: () => session.search.focus(),
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

/** "Zoom in (+)", for tooltips; with the state, what it would do now. */
export function tooltip(action: Action, state?: UiState): string {
  const keys = action.shortcuts.map(describe).join(' or ');
  const text = state && action.describe ? action.describe(state) : action.label;
  return keys ? `${text} (${keys})` : text;
}

/** "Ctrl+Shift+Z", the first shortcut, for the palette. */
export function shortcutText(action: Action): string | null {
  const first = action.shortcuts[0];
  return first ? describe(first) : null;
}

export function findAction(actions: readonly Action[], id: ActionId): Action {
  const action = actions.find((a) => a.id === id);
  if (!action) throw new Error(`No action ${id}`);
  return action;
}
