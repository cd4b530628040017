import { useUi } from '../app/context';
import { ActionButton } from './ActionButton';
import { ClockIcon, CloseIcon, RedoIcon, UndoIcon } from './icons';

function timeOf(iso: string): { short: string; full: string } {
  const at = new Date(iso);
  const today = new Date();
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const sameDay = at.toDateString() === today.toDateString();
  return {
    short: sameDay
      ? time
      : `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`,
    full: at.toLocaleString(),
  };
}

/** Every change, newest first, kept in the database; undone ones are greyed. */
export function HistoryPanel() {
  const changes = useUi((s) => s.changes);
  return (
    <aside aria-label="History" className="history-panel">
      <header className="history-head">
        <h2>History</h2>
        <div className="history-tools">
          <ActionButton id="undo" icon={<UndoIcon />} text="Undo" />
          <ActionButton id="redo" icon={<RedoIcon />} text="Redo" />
          <ActionButton id="time-travel" icon={<ClockIcon />} text="Timeline" />
          <ActionButton id="close-history" icon={<CloseIcon />} className="icon-button" />
        </div>
      </header>
      {changes.error && (
        <p role="alert" className="field-error">
          {changes.error}
        </p>
      )}
      {changes.entries === null ? (
        <p className="muted history-empty">Loading…</p>
      ) : changes.entries.length === 0 ? (
        <p className="muted history-empty">
          No changes yet. What you create, edit or delete shows here, and can be undone.
        </p>
      ) : (
        <ol className="history-list">
          {changes.entries.map((entry) => {
            const time = timeOf(entry.at);
            return (
              <li key={entry.id} className={entry.undone ? 'is-undone' : undefined}>
                <time dateTime={entry.at} title={time.full}>
                  {time.short}
                </time>
                <span aria-hidden="true"> · </span>
                <span className="history-summary">{entry.summary}</span>
                {entry.undone && <span className="history-undone"> (undone)</span>}
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
