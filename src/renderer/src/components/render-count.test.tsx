// @vitest-environment happy-dom
import { act, Profiler, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ServicesContext, type Services } from '../app/context';
import { createUiStore } from '../state/store';
import { CommandPalette } from './CommandPalette';
import { FileMenu } from './FileMenu';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const roots: (() => void)[] = [];
afterEach(() => roots.splice(0).forEach((unmount) => unmount()));

/** Renders `element` and counts how often React commits it. */
function rendered(element: ReactNode) {
  const store = createUiStore('light');
  store.setState({ status: 'ready' });
  const session = {
    store,
    editing: { findConcepts: async () => [], closeDialog: () => {} },
    savedViews: { ensureLoaded: () => {} },
  } as unknown as Services['session'];
  let commits = 0;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <ServicesContext.Provider value={{ session }}>
        <Profiler id="counted" onRender={() => commits++}>
          {element}
        </Profiler>
      </ServicesContext.Provider>,
    ),
  );
  roots.push(() => act(() => root.unmount()));
  return { store, commits: () => commits };
}

describe('components that read the whole registry redraw only when it matters', () => {
  it.each([
    ['the File menu', <FileMenu key="menu" />],
    ['the command palette', <CommandPalette key="palette" />],
  ])('%s does not redraw on an unrelated change', (_name, element) => {
    const { store, commits } = rendered(element);
    const before = commits();
    act(() => store.setState({ notice: 'Layout not saved.' }));
    act(() => store.setState({ search: { ...store.getState().search, query: 'etcd' } }));
    expect(commits()).toBe(before);
    // A change to what a command would do does redraw it.
    act(() => store.setState({ status: 'loading' }));
    expect(commits()).toBeGreaterThan(before);
  });
});
