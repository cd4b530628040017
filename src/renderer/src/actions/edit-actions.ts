import { canChangeSelected, canEdit, canWrite, hasGraph, type Action } from './action';

/** Growing the graph, and taking changes back. */
export const EDIT_ACTIONS: Action[] = [
  {
    id: 'new-concept',
    label: 'New concept',
    shortcuts: [{ key: 'n' }],
    isEnabled: canWrite,
    perform: (ctx) =>
      ctx.editing.openDialog({ kind: 'new-concept', position: ctx.editing.newConceptPosition() }),
  },
  {
    id: 'edit-concept',
    label: 'Edit concept',
    shortcuts: [{ key: 'e' }],
    isEnabled: canChangeSelected,
    perform: (ctx) => ctx.editing.setEditing(true),
  },
  {
    id: 'add-link',
    label: 'Add link',
    shortcuts: [{ key: 'l' }],
    isEnabled: canChangeSelected,
    perform: (ctx) => ctx.editing.setAddingLink(true),
  },
  {
    id: 'restore-original',
    label: 'Restore original',
    shortcuts: [],
    isEnabled: (s) => canChangeSelected(s) && s.details?.data?.concept.seedState === 'edited',
    describe: () =>
      'Put back the label, category, description and links of the default graph; your note and tags stay',
    perform: (ctx) => {
      const id = ctx.store.getState().selectedId;
      if (!id) return;
      ctx.editing.restoreOriginal(id).catch((error: unknown) => ctx.notify(error));
    },
  },
  {
    id: 'delete-concept',
    label: 'Delete concept',
    shortcuts: [{ key: 'Delete' }],
    isEnabled: canChangeSelected,
    perform: (ctx) => {
      const id = ctx.store.getState().selectedId;
      if (id) ctx.editing.openDialog({ kind: 'delete-concept', id });
    },
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: [{ key: 'z', mod: true }],
    isEnabled: (s) => canWrite(s) && s.changes.state.canUndo,
    describe: (s) =>
      s.changes.state.undoSummary ? `Undo ${s.changes.state.undoSummary}` : 'Nothing to undo',
    perform: (ctx) => void ctx.history.undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    isEnabled: (s) => canWrite(s) && s.changes.state.canRedo,
    describe: (s) =>
      s.changes.state.redoSummary ? `Redo ${s.changes.state.redoSummary}` : 'Nothing to redo',
    perform: (ctx) => void ctx.history.redo(),
  },
  {
    id: 'show-history',
    label: 'History',
    shortcuts: [{ key: 'h' }],
    isEnabled: canEdit,
    isPressed: (s) => s.historyOpen,
    describe: (s) => (s.historyOpen ? 'Hide history' : 'Show history'),
    perform: (ctx) => ctx.history.togglePanel(),
  },
  {
    id: 'time-travel',
    label: 'Timeline',
    shortcuts: [{ key: 'm' }],
    isEnabled: hasGraph,
    isPressed: (s) => s.timeTravel !== null,
    describe: (s) =>
      s.timeTravel
        ? 'Close the timeline and come back to now'
        : 'Timeline: the graph as it was after any earlier change',
    perform: (ctx) => ctx.timeTravel.toggle(),
  },
  {
    id: 'close-history',
    label: 'Close history',
    shortcuts: [],
    isEnabled: (s) => s.historyOpen,
    hiddenInPalette: true,
    perform: (ctx) => ctx.history.togglePanel(),
  },
];
