import { useEffect } from 'react';
import { useAction, useServices, useUi } from '../app/context';
import { CloseIcon } from './icons';

const SHOWN_MS = 6000;
const SHOWN_WITH_UNDO_MS = 12000;

/**
 * A quiet confirmation after an export or an import. Announced politely; it is not a
 * `status` role, which the status bar already is.
 */
export function Toast() {
  const { session } = useServices();
  const undo = useAction('undo');
  const toast = useUi((s) => s.toast);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(
      () => session.dismissToast(),
      toast.undo ? SHOWN_WITH_UNDO_MS : SHOWN_MS,
    );
    return () => clearTimeout(timer);
  }, [session, toast]);

  return (
    <div className="toast-region" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.seq}>
          <span className="toast-message">{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              className="button small"
              title={undo.action.label}
              disabled={!undo.enabled}
              onClick={() => {
                session.dismissToast();
                undo.perform();
              }}
            >
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => session.dismissToast()}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
