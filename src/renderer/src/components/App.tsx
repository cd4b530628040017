import { useUi } from '../app/context';
import { selectHasOwnWork } from '../state/selectors';
import { DetailsPanel } from './DetailsPanel';
import { Dialogs } from './Dialogs';
import { GraphView } from './GraphView';
import { HistoryPanel } from './HistoryPanel';
import { LayoutProgress } from './LayoutProgress';
import { LocalGraphBar } from './LocalGraphBar';
import { PathPanel } from './PathPanel';
import { FilterPanel } from './FilterPanel';
import { EmptyScreen, ErrorScreen, LoadingScreen } from './StateScreens';
import { StatusBar } from './StatusBar';
import { StructurePanel } from './StructurePanel';
import { ViewsPanel } from './ViewsPanel';
import { ListView } from './ListView';
import { Toast } from './Toast';
import { TimelineBar } from './TimelineBar';
import { Toolbar } from './Toolbar';

export function App() {
  const status = useUi((s) => s.status);
  const historyOpen = useUi((s) => s.historyOpen);
  const structureOpen = useUi((s) => s.structureOpen);
  const viewsOpen = useUi((s) => s.viewsOpen);
  const listOpen = useUi((s) => s.listOpen);
  const onlyMine = useUi((s) => s.filter.mine);
  const nothingMine = useUi((s) => s.filter.mine && !selectHasOwnWork(s));
  return (
    <div className="app">
      <Toolbar />
      <div className="workspace">
        <FilterPanel />
        <main className="graph-area" aria-label="Graph">
          <GraphView />
          <LocalGraphBar />
          <TimelineBar />
          <LayoutProgress />
          {onlyMine && nothingMine && (
            <div className="graph-hint" role="note">
              Nothing of yours yet. Press <kbd>N</kbd> or double-click the canvas to add a concept.
            </div>
          )}
          {historyOpen && <HistoryPanel />}
          {structureOpen && <StructurePanel />}
          {viewsOpen && <ViewsPanel />}
          {listOpen && <ListView />}
          <PathPanel />
          <Toast />
        </main>
        <DetailsPanel />
        {status === 'loading' && <LoadingScreen />}
        {status === 'error' && <ErrorScreen />}
        {status === 'empty' && <EmptyScreen />}
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
}
