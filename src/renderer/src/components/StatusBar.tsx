import { useUi } from '../app/context';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function StatusBar() {
  const status = useUi((s) => s.status);
  const snapshot = useUi((s) => s.snapshot);
  const databasePath = useUi((s) => s.appInfo?.databasePath);
  const graphName = useUi((s) => s.appInfo?.graphName);
  const selected = useUi((s) => s.selection.length);
  const notice = useUi((s) => s.notice);
  const counts =
    snapshot && (status === 'ready' || status === 'empty')
      ? `${plural(snapshot.concepts.length, 'concept', 'concepts')} · ${plural(snapshot.links.length, 'link', 'links')}`
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
    </footer>
  );
}
