import type { UiStore } from '../state/store';
import type { Action } from './actions';
import { isTextField, matches } from './shortcuts';

/** One keydown listener for every action's shortcuts; returns the cleanup. */
export function installKeyboard(actions: readonly Action[], store: UiStore): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    // A dialog keeps its keys; its own Esc closes it.
    if (store.getState().dialog) return;
    const inText = isTextField(event.target);
    for (const action of actions) {
      const hit = action.shortcuts.some((s) => (!inText || s.inTextFields) && matches(event, s));
      if (!hit) continue;
      // Claimed even when disabled, so Alt+Left never falls through to the browser's Back.
      event.preventDefault();
      if (action.isEnabled(store.getState())) action.run();
      return;
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
