import type { Position } from '../../../shared/domain';
import type { Theme } from '../graph/styles';
import { selectDrawn } from '../state/selectors';
import type { FlowContext } from './flow-context';

/** The camera, the theme, and concepts dragged by hand. */
export class ViewFlow {
  constructor(private readonly ctx: FlowContext) {}

  zoomIn(): void {
    this.ctx.graph.current?.zoomBy(1.3);
  }

  zoomOut(): void {
    this.ctx.graph.current?.zoomBy(1 / 1.3);
  }

  fit(): void {
    this.ctx.graph.current?.fit();
  }

  setTheme(theme: Theme): void {
    this.ctx.store.setState({ theme });
    this.ctx.graph.current?.setTheme(theme);
  }

  /** Dragged concepts: saved as a move (undoable), except in a local graph, whose arrangement is its own. */
  async moved(positions: Position[]): Promise<void> {
    const { api, store } = this.ctx;
    if (positions.length === 0 || store.getState().mode.kind === 'local') return;
    try {
      this.ctx.drawing.applyMutation(await api.moveConcepts({ positions }));
    } catch (error) {
      this.ctx.notify(error);
    }
  }

  /** Pins the selection in place through any layout, or unpins it when all are pinned. */
  async togglePinned(): Promise<void> {
    const { api, store } = this.ctx;
    const state = store.getState();
    const ids = state.selection.length > 0 ? state.selection : [];
    if (ids.length === 0) return;
    const drawn = selectDrawn(state);
    const pinned = !ids.every((id) => drawn.get(id)?.pinned);
    try {
      this.ctx.drawing.applyMutation(await api.setPinned({ ids, pinned }));
    } catch (error) {
      this.ctx.notify(error);
    }
  }

  /** Sets a category's colour: one undoable change, kept in the graph file. */
  async setCategoryColour(id: string, color: string): Promise<void> {
    try {
      this.ctx.drawing.applyMutation(await this.ctx.api.setCategoryStyle({ id, color }));
    } catch (error) {
      this.ctx.notify(error);
    }
  }
}
