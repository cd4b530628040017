import type { Action, ActionId } from './action';
import { EDIT_ACTIONS } from './edit-actions';
import { EXPLORE_ACTIONS } from './explore-actions';
import { FILE_ACTIONS } from './file-actions';
import { describe } from './shortcuts';
import { SAVED_VIEW_ACTIONS } from './saved-view-actions';
import { STRUCTURE_ACTIONS } from './structure-actions';
import type { UiState } from '../state/store';
import { VIEW_ACTIONS } from './view-actions';

export type { Action, ActionId } from './action';

/** Every user command, in the order the command palette lists them. */
export const ACTIONS: readonly Action[] = [
  ...FILE_ACTIONS,
  ...EDIT_ACTIONS,
  ...VIEW_ACTIONS,
  ...EXPLORE_ACTIONS,
  ...STRUCTURE_ACTIONS,
  ...SAVED_VIEW_ACTIONS,
];

const BY_ID = new Map(ACTIONS.map((action) => [action.id, action]));

export function findAction(id: ActionId): Action {
  const action = BY_ID.get(id);
  if (!action) throw new Error(`No action ${id}`);
  return action;
}

/** "Zoom in (+)", for tooltips; with the state, what it would do now. */
export function tooltip(action: Action, state?: UiState): string {
  const keys = action.shortcuts.map(describe).join(' or ');
  const text = state && action.describe ? action.describe(state) : action.label;
  return keys ? `${text} (${keys})` : text;
}

/** "Ctrl+Shift+Z", the first shortcut, for menus and the palette. */
export function shortcutText(action: Action): string | null {
  const first = action.shortcuts[0];
  return first ? describe(first) : null;
}
