import { useServices, useUi } from '../app/context';
import { ActionButton } from './ActionButton';
import { InlineCode } from './InlineCode';

export function LoadingScreen() {
  return (
    <div className="screen" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p>Loading graph…</p>
    </div>
  );
}

export function ErrorScreen() {
  const { session } = useServices();
  const error = useUi((s) => s.error);
  const browserMode = !window.cairn;
  return (
    <div className="screen" role="alert">
      <div className="screen-card">
        <h2 className="screen-title">
          {error?.code === 'unauthorized'
            ? 'Cairn needs its access link'
            : 'Cairn could not open the graph'}
        </h2>
        <p>
          <InlineCode text={error?.message ?? 'Something went wrong.'} />
        </p>
        {error?.code === 'unauthorized' &&
          browserMode &&
          !error.message.includes('cairn serve') && (
            <p className="muted">
              Open the link printed by <code>cairn serve</code> in your terminal: it carries the
              access token for this run.
            </p>
          )}
        <div className="screen-actions">
          {error?.code !== 'unauthorized' && (
            <ActionButton id="open-graph" text="Open another graph…" className="button" />
          )}
          <button type="button" className="button primary" onClick={() => void session.load()}>
            Retry
          </button>
        </div>
      </div>
    </div>
  );
}

export function EmptyScreen() {
  const databasePath = useUi((s) => s.appInfo?.databasePath);
  return (
    <div className="screen">
      <div className="screen-card">
        <h2 className="screen-title">This graph has no concepts yet</h2>
        <p>
          {databasePath ? <code>{databasePath}</code> : 'The database'} is a Cairn graph, but it is
          empty.
        </p>
        <p className="muted">
          Import a graph from Gephi, yEd or Cytoscape, a spreadsheet’s CSV or a folder of Markdown
          notes, or start with a concept of your own.
        </p>
        <div className="screen-actions">
          <ActionButton id="import" text="Import…" className="button" />
          <ActionButton
            id="new-concept"
            text="Create the first concept"
            className="button primary"
          />
        </div>
      </div>
    </div>
  );
}
