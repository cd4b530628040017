import { selectDrawn } from '../state/selectors';
import { IDLE_NOTE } from '../state/store';
import { toErrorInfo } from './errors';
import type { FlowContext } from './flow-context';

const HISTORY_LIMIT = 200;

/** Undo, redo and the History panel; the history itself is in the database. */
export class HistoryFlow {
  constructor(private readonly ctx: FlowContext) {}

  undo(): Promise<void> {
    return this.step('undo');
  }

  redo(): Promise<void> {
    return this.step('redo');
  }

  togglePanel(): void {
    const historyOpen = !this.ctx.store.getState().historyOpen;
    // One panel on that side of the map at a time.
    this.ctx.store.setState({
      historyOpen,
      ...(historyOpen ? { structureOpen: false, viewsOpen: false } : {}),
    });
    if (historyOpen) void this.refresh();
  }

  /** Loads the entries the panel lists (and what undo and redo would do). */
  async refresh(): Promise<void> {
    const { api, store } = this.ctx;
    try {
      const { entries, state } = await api.getHistory({ limit: HISTORY_LIMIT });
      store.setState({ changes: { state, entries, error: null } });
    } catch (error) {
      const changes = store.getState().changes;
      store.setState({ changes: { ...changes, error: toErrorInfo(error).message } });
    }
  }

  /** A change was made: the open panel shows it, a closed one loads afresh when opened. */
  changed(): void {
    const { store } = this.ctx;
    if (store.getState().historyOpen) void this.refresh();
    else if (store.getState().changes.entries) {
      store.setState({ changes: { ...store.getState().changes, entries: null } });
    }
  }

  private async step(which: 'undo' | 'redo'): Promise<void> {
    const { api, store, notes } = this.ctx;
    await notes.flush();
    try {
      const result = await (which === 'undo' ? api.undo({}) : api.redo({}));
      this.ctx.drawing.applyMutation(result);
      const note = store.getState().note;
      store.setState({
        // The note may have changed underneath the editor: it reloads.
        note: { ...IDLE_NOTE, version: note.version + 1 },
        notice: result.value ? null : which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.',
      });
      const selected = store.getState().selectedId;
      if (selected && !selectDrawn(store.getState()).has(selected)) this.ctx.selection.clear();
      else this.ctx.selection.refreshDetails();
    } catch (error) {
      store.setState({ notice: toErrorInfo(error).message });
    }
  }
}
