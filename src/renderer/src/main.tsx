import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findAction } from './actions/registry';
import { installKeyboard } from './actions/keyboard';
import { connect } from './api/client';
import { ServicesContext } from './app/context';
import { Session } from './app/session';
import { App } from './components/App';
import type { Theme } from './graph/styles';
import { createUiStore, type UiState } from './state/store';
import type { CairnInspect } from './env';
import './styles/app.css';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const themeOf = (dark: boolean): Theme => (dark ? 'dark' : 'light');

const store = createUiStore(themeOf(darkQuery.matches));
const session = new Session(connect(), store);
const services = { session };

/** Test and styling hooks on <html>: readiness, which layout path ran, the theme. */
function reflect(state: UiState): void {
  const root = document.documentElement.dataset;
  root.cairnState = state.status;
  root.theme = state.theme;
  if (state.status === 'ready' && state.firstLayout) root.cairnLayout = state.firstLayout;
  else if (state.status !== 'ready') delete root.cairnLayout;
  // Electron shows the page title as the window title.
  const title = state.appInfo ? `${state.appInfo.graphName} — Cairn` : 'Cairn';
  if (document.title !== title) document.title = title;
}
reflect(store.getState());
store.subscribe(reflect);

darkQuery.addEventListener('change', (event) => session.view.setTheme(themeOf(event.matches)));
installKeyboard(session);

// The desktop File menu runs the registered action of the same id.
window.cairnMenu?.onCommand((command) => {
  const action = findAction(command);
  if (action.isEnabled(store.getState())) action.perform(session);
});

// Typed note text goes to the database before the page goes away. In browser mode the
// browser also asks before leaving while a save is still on its way.
window.addEventListener('pagehide', () => void session.notes.flush());
window.addEventListener('beforeunload', (event) => {
  if (!session.notes.hasUnsaved()) return;
  void session.notes.flush();
  if (!window.cairn) event.preventDefault();
});

const inspect: CairnInspect = Object.freeze({ ...session.inspect });
Object.defineProperty(window, '__cairnInspect', {
  value: inspect,
  writable: false,
  configurable: false,
  enumerable: false,
});

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root');
createRoot(rootElement).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
void session.load();
