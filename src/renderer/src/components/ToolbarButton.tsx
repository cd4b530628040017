import type { ReactNode } from 'react';
import { tooltip, type ActionId } from '../actions/actions';
import { useAction } from '../app/context';

export function ToolbarButton({ id, icon }: { id: ActionId; icon: ReactNode }) {
  const { action, enabled } = useAction(id);
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={action.label}
      title={tooltip(action)}
      disabled={!enabled}
      onClick={() => action.run()}
    >
      {icon}
    </button>
  );
}
