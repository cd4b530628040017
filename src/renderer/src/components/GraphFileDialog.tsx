import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RecentGraph } from '../../../shared/domain';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { Field } from './Field';
import { Modal } from './Modal';
import { FormActions } from './FormActions';

/** The folder of a path, with its separator: "/home/me/" for "/home/me/graph.sqlite". */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(0, cut + 1) : '';
}

/**
 * File › New graph… and File › Open graph…: one graph file is open at a time. The desktop
 * app chooses the file with the system's dialog; a browser cannot, so the path is typed.
 */
export function GraphFileDialog({ purpose }: { purpose: 'new' | 'open' }) {
  const { session } = useServices();
  const appInfo = useUi((s) => s.appInfo);
  const desktop = appInfo?.mode === 'desktop';
  const [path, setPath] = useState('');
  const [withDefault, setWithDefault] = useState(false);
  const [recent, setRecent] = useState<RecentGraph[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const checkboxId = useId();
  const isNew = purpose === 'new';
  const title = isNew ? 'New graph' : 'Open graph';

  useEffect(() => {
    if (isNew) return;
    let live = true;
    session.exchange
      .recentGraphs()
      .then((list) => live && setRecent(list))
      .catch(() => live && setRecent([]));
    return () => {
      live = false;
    };
  }, [session, isNew]);

  const go = async (target: string) => {
    if (busy) return;
    if (target.trim() === '') {
      setError('Give the full path of the graph file.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.exchange.switchGraph(
        isNew ? { create: target.trim(), empty: !withDefault } : { open: target.trim() },
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const browse = async () => {
    setError(null);
    try {
      const chosen = await session.exchange.chooseGraphFile(isNew ? 'create' : 'open');
      if (!chosen) return;
      setPath(chosen);
      if (!isNew) await go(chosen);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void go(path);
  };

  const example = `${folderOf(appInfo?.databasePath ?? '') || '/home/me/'}${isNew ? 'my-graph' : 'notes'}.sqlite`;
  return (
    <Modal label={title} onClose={() => session.editing.closeDialog()} className="exchange-dialog">
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 className="dialog-title">{title}</h2>
        <p className="dialog-lead muted">
          {isNew
            ? 'A graph is one file. Cairn switches to the new one; the graph open now stays as it is.'
            : 'Cairn switches to that graph; the graph open now stays as it is.'}
        </p>
        {desktop && (
          <div className="choose-row">
            <button type="button" className="button" data-autofocus onClick={() => void browse()}>
              {isNew ? 'Choose where…' : 'Choose file…'}
            </button>
          </div>
        )}
        <Field
          label="Graph file"
          value={path}
          onChange={(v) => {
            setPath(v);
            if (error) setError(null);
          }}
          error={error}
          placeholder={example}
          autoFocus={!desktop}
          maxLength={4096}
        />
        <p className="field-hint">
          The full path of a file on this computer, ending in .sqlite, .cairn or .db.
        </p>
        {isNew && (
          <label className="checkbox" htmlFor={checkboxId}>
            <input
              id={checkboxId}
              type="checkbox"
              checked={withDefault}
              onChange={(e) => setWithDefault(e.target.checked)}
            />
            Start with the default graph
            <span className="muted"> (146 cloud-native concepts); otherwise it starts empty</span>
          </label>
        )}
        {!isNew && recent && recent.length > 0 && (
          <section className="recent-graphs" aria-label="Recent graphs">
            <h3>Recent graphs</h3>
            <ul>
              {recent.map((r) => (
                <li key={r.path}>
                  <button
                    type="button"
                    className="recent-graph"
                    disabled={!r.exists || busy}
                    title={r.exists ? r.path : `${r.path} no longer exists`}
                    onClick={() => void go(r.path)}
                  >
                    <span className="recent-name">{r.name}</span>
                    <span className="recent-path">{r.exists ? r.path : `Missing: ${r.path}`}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <FormActions
          submit={isNew ? 'Create' : 'Open'}
          busy={busy}
          onCancel={() => session.editing.closeDialog()}
        />
      </form>
    </Modal>
  );
}
