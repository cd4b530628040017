import type { ReactNode } from 'react';
import { tooltip, type ActionId } from '../actions/actions';
import { useAction, useUi } from '../app/context';

export function ToolbarButton({ id, icon }: { id: ActionId; icon: ReactNode }) {
  const { action, enabled } = useAction(id);
  const title = useUi((s) => tooltip(action, s));
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={action.label}
      title={title}
      disabled={!enabled}
      onClick={() => action.run()}
    >
      {icon}
    </button>
  );
}
