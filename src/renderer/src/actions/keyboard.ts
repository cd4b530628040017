import type { FlowContext } from '../app/flow-context';
import { ACTIONS } from './registry';
import { isTextField, matches } from './shortcuts';

/** One keydown listener for every action's shortcuts; returns the cleanup. */
export function installKeyboard(ctx: FlowContext, actions = ACTIONS): () => void {
  const { store } = ctx;
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
      if (action.isEnabled(store.getState())) action.perform(ctx);
      return;
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
