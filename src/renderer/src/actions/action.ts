import type { LayoutName } from '../../../shared/layouts';
import type { MeasureName } from '../../../shared/structure';
import type { ColourBy } from '../graph/styling';
import type { MenuCommand } from '../../../shared/menu-commands';
import type { FlowContext } from '../app/flow-context';
import { selectHasGraph } from '../state/selectors';
import type { UiState } from '../state/store';
import type { Shortcut } from './shortcuts';

export type ActionId =
  | MenuCommand
  | 'command-palette'
  | 'focus-search'
  | 'back'
  | 'forward'
  | 'zoom-in'
  | 'zoom-out'
  | 'fit'
  | 're-layout'
  | 'clear-selection'
  | 'new-concept'
  | 'edit-concept'
  | 'delete-concept'
  | 'add-link'
  | 'restore-original'
  | 'undo'
  | 'redo'
  | 'show-history'
  | 'time-travel'
  | 'close-history'
  | 'only-mine'
  | 'cancel-layout'
  | `layout-${LayoutName}`
  | 'local-graph'
  | 'whole-graph'
  | 'expand-concept'
  | 'collapse-concept'
  | 'pin-concept'
  | 'find-path'
  | 'close-paths'
  | 'show-structure'
  | 'close-structure'
  | 'list-view'
  | 'show-views'
  | 'close-views'
  | 'save-view'
  | 'update-view'
  | `size-by-${MeasureName}`
  | `colour-by-${ColourBy}`;

/**
 * A user command, with everything about it in one place, as in Excalidraw's registry:
 * what it is called, its keys, when it can run, what it would do now, and doing it.
 * Toolbar and panel buttons, the menus, the command palette and the keyboard read it.
 */
export interface Action {
  id: ActionId;
  label: string;
  shortcuts: Shortcut[];
  isEnabled(state: UiState): boolean;
  /** What it would do now, for its tooltip, e.g. "Undo Renamed “Pod” to “Pods”". */
  describe?(state: UiState): string;
  /** For toggles: whether it is on. */
  isPressed?(state: UiState): boolean;
  /** Left out of the command palette (it would only close it). */
  hiddenInPalette?: boolean;
  perform(ctx: FlowContext): void;
}

export const hasGraph = selectHasGraph;
export const canEdit = (s: UiState): boolean => s.status === 'ready' || s.status === 'empty';
/** The graph can be changed: it is open and was not opened read-only. */
export const canWrite = (s: UiState): boolean => canEdit(s) && !s.appInfo?.readOnly;
const hasSelection = (s: UiState): boolean => hasGraph(s) && s.selectedId !== null;
/** A concept is selected and its details are loaded (forms and dialogs need them). */
export const hasSelectedDetails = (s: UiState): boolean =>
  hasSelection(s) && s.details?.id === s.selectedId && s.details.data !== null;
/** The selected concept's details are loaded and the graph can be changed. */
export const canChangeSelected = (s: UiState): boolean => hasSelectedDetails(s) && canWrite(s);
