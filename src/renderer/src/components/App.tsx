import { useUi } from '../app/context';
import { DetailsPanel } from './DetailsPanel';
import { GraphView } from './GraphView';
import { Legend } from './Legend';
import { EmptyScreen, ErrorScreen, LoadingScreen } from './StateScreens';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';

export function App() {
  const status = useUi((s) => s.status);
  return (
    <div className="app">
      <Toolbar />
      <div className="workspace">
        <Legend />
        <main className="graph-area" aria-label="Graph">
          <GraphView />
        </main>
        <DetailsPanel />
        {status === 'loading' && <LoadingScreen />}
        {status === 'error' && <ErrorScreen />}
        {status === 'empty' && <EmptyScreen />}
      </div>
      <StatusBar />
    </div>
  );
}
