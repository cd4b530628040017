import { useUi } from '../app/context';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function StatusBar() {
  const status = useUi((s) => s.status);
  const summary = useUi((s) => s.summary);
  const drawnCount = useUi((s) => s.drawn?.concepts.length ?? 0);
  const partial = useUi(
    (s) =>
      s.drawn !== null && s.summary !== null && s.drawn.concepts.length < s.summary.concepts.total,
  );
  const databasePath = useUi((s) => s.appInfo?.databasePath);
  const graphName = useUi((s) => s.appInfo?.graphName);
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);
  const timelineOpen = useUi((s) => s.timeTravel !== null);
  const pastShown = useUi((s) => (s.timeTravel?.state ?? null) !== null);
  const selected = useUi((s) => s.selection.length);
  const notice = useUi((s) => s.notice);
  // "100,000 concepts · 250,000 links · showing 2,140": the graph, and what is drawn of it.
  const counts =
    summary && (status === 'ready' || status === 'empty')
      ? `${plural(summary.concepts.total, 'concept', 'concepts')} · ${plural(summary.links.total, 'link', 'links')}${partial ? ` · showing ${drawnCount.toLocaleString('en')}` : ''}`
      : status === 'error'
        ? 'Not loaded'
        : 'Loading…';
  return (
    <footer role="status" className="status-bar">
      <span className="status-counts">{counts}</span>
      {selected > 1 && <span className="status-selected">{selected} selected</span>}
      {notice && <span className="status-notice">{notice}</span>}
      {databasePath && (
        <span className="status-db" title={databasePath}>
          {graphName ?? fileName(databasePath)}
        </span>
      )}
      {timelineOpen ? (
        <span
          className="status-read-only"
          title="The timeline is open: close it to change the graph again."
        >
          {pastShown ? 'as it was' : 'timeline'}
        </span>
      ) : (
        readOnly && (
          <span
            className="status-read-only"
            title="Cairn cannot write to this graph's file or its folder, so it cannot be changed."
          >
            read-only
          </span>
        )
      )}
    </footer>
  );
}
