import { hasGraph, type Action } from './action';

/** Saved views (lenses): the Views panel, and keeping what the map shows under a name. */
export const SAVED_VIEW_ACTIONS: Action[] = [
  {
    id: 'show-views',
    label: 'Views',
    shortcuts: [{ key: 'v' }],
    isEnabled: hasGraph,
    isPressed: (s) => s.viewsOpen,
    describe: (s) =>
      s.viewsOpen ? 'Hide the saved views' : 'Saved views: save what the map shows, open it again',
    perform: (ctx) => ctx.savedViews.togglePanel(),
  },
  {
    id: 'close-views',
    label: 'Close views',
    shortcuts: [],
    isEnabled: (s) => s.viewsOpen,
    hiddenInPalette: true,
    perform: (ctx) => ctx.savedViews.togglePanel(),
  },
  {
    id: 'save-view',
    label: 'Save view…',
    shortcuts: [],
    isEnabled: (s) => hasGraph(s) && !s.appInfo?.readOnly,
    describe: () => 'Save view… (what the map shows now, under a name)',
    perform: (ctx) => {
      if (!ctx.store.getState().viewsOpen) ctx.savedViews.togglePanel();
    },
  },
  {
    id: 'update-view',
    label: 'Update view',
    shortcuts: [],
    isEnabled: (s) => hasGraph(s) && s.activeView !== null && !s.appInfo?.readOnly,
    describe: (s) => `Update the view “${s.activeView?.name ?? ''}” to what the map shows`,
    perform: (ctx) => {
      const active = ctx.store.getState().activeView;
      if (active) void ctx.savedViews.update(active.id);
    },
  },
];
