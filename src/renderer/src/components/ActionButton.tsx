import type { ReactNode } from 'react';
import { tooltip, type ActionId } from '../actions/registry';
import { useAction, useUi } from '../app/context';

/**
 * A button that runs a registered action: its name, tooltip (with the keys), enabled
 * state and, for toggles, pressed state all come from the registry.
 */
export function ActionButton({
  id,
  icon,
  text,
  className = 'button small',
  count,
}: {
  id: ActionId;
  icon?: ReactNode;
  /** Shown beside the icon; without it the button is the icon alone. */
  text?: string;
  className?: string;
  /** A number shown after the text, e.g. the neighbours Expand would add. */
  count?: number | null;
}) {
  const { action, enabled, perform } = useAction(id);
  const title = useUi((s) => tooltip(action, s));
  const pressed = useUi((s) => action.isPressed?.(s));
  return (
    <button
      type="button"
      className={className}
      aria-label={text === action.label ? undefined : action.label}
      aria-pressed={pressed}
      title={title}
      disabled={!enabled}
      onClick={perform}
    >
      {icon}
      {text}
      {count !== undefined && count !== null && (
        <span className="count-badge">{count.toLocaleString('en')}</span>
      )}
    </button>
  );
}
