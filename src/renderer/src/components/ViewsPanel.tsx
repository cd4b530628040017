import { useState, type FormEvent } from 'react';
import { describeView, VIEW_NAME_LENGTH, type SavedViewSummary } from '../../../shared/saved-views';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { ActionButton } from './ActionButton';
import { CloseIcon } from './icons';

/**
 * Saved views (lenses): save what the map shows under a name, and open it again exactly.
 * Each view can be updated to what the map shows now, renamed, duplicated or deleted;
 * every one of those is undoable.
 */
export function ViewsPanel() {
  const { session } = useServices();
  const views = useUi((s) => s.savedViews);
  const active = useUi((s) => s.activeView?.id ?? null);
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Give the view a name.');
      return;
    }
    setBusy(true);
    try {
      await session.savedViews.save(name);
      setName('');
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside aria-label="Saved views" className="history-panel views-panel">
      <header className="history-head">
        <h2>Views</h2>
        <div className="history-tools">
          <ActionButton id="close-views" icon={<CloseIcon />} className="icon-button" />
        </div>
      </header>
      {!readOnly && (
        <form className="view-save" onSubmit={(e) => void save(e)}>
          <label htmlFor="view-name">Save what the map shows as</label>
          <div className="view-save-row">
            <input
              id="view-name"
              value={name}
              maxLength={VIEW_NAME_LENGTH}
              placeholder="View name, e.g. Control plane"
              autoFocus
              aria-invalid={error !== null}
              aria-describedby={error ? 'view-name-error' : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
            <button type="submit" className="button primary small" disabled={busy}>
              Save view
            </button>
          </div>
          {error && (
            <p id="view-name-error" role="alert" className="field-error">
              {error}
            </p>
          )}
        </form>
      )}
      {views === null ? (
        <p className="muted history-empty">Loading…</p>
      ) : views.length === 0 ? (
        <p className="muted history-empty">
          No saved views yet. A view keeps the filters, the local graph, the layout and the styling
          the map shows, to open again in one click.
        </p>
      ) : (
        <ul className="views-list" aria-label="Saved views">
          {views.map((view) => (
            <ViewItem key={view.id} view={view} active={view.id === active} readOnly={readOnly} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function ViewItem({
  view,
  active,
  readOnly,
}: {
  view: SavedViewSummary;
  active: boolean;
  readOnly: boolean;
}) {
  const { session } = useServices();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<string | null>(null);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (name.trim() !== view.name) await session.savedViews.rename(view.id, name);
      setRenaming(false);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const what = describeView(view);
  return (
    <li className={active ? 'is-active' : undefined}>
      {renaming ? (
        <form className="view-rename" onSubmit={(e) => void rename(e)}>
          <input
            aria-label={`New name for the view “${view.name}”`}
            value={name}
            maxLength={VIEW_NAME_LENGTH}
            autoFocus
            aria-invalid={error !== null}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setRenaming(false);
                setName(view.name);
              }
            }}
          />
          <button type="submit" className="button small">
            Rename
          </button>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </form>
      ) : (
        <>
          <button
            type="button"
            className="view-open"
            aria-current={active ? 'true' : undefined}
            aria-describedby={`view-what-${view.id}`}
            onClick={() => void session.savedViews.open(view.id)}
          >
            {view.name}
          </button>
          <span id={`view-what-${view.id}`} className="view-what muted">
            {what}
          </span>
        </>
      )}
      {!readOnly && !renaming && (
        <div className="view-tools" role="group" aria-label={`Change the view “${view.name}”`}>
          <button
            type="button"
            aria-label={`Update “${view.name}” to what the map shows`}
            onClick={() => void session.savedViews.update(view.id)}
          >
            Update
          </button>
          <button
            type="button"
            aria-label={`Rename “${view.name}”`}
            onClick={() => {
              setName(view.name);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <button
            type="button"
            aria-label={`Duplicate “${view.name}”`}
            onClick={() => void session.savedViews.duplicate(view.id)}
          >
            Duplicate
          </button>
          <button
            type="button"
            aria-label={`Delete “${view.name}”`}
            onClick={() => void session.savedViews.remove(view.id, view.name)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
