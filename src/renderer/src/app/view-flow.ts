import type { Position } from '../../../shared/domain';
import type { Theme } from '../graph/styles';
import type { FlowContext } from './flow-context';

/** The camera, the layout, the theme and what is shown ("Only mine"). */
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

  /** Lays the graph out again from scratch: one step that undo takes back. */
  async relayout(): Promise<void> {
    const { store, graph, api } = this.ctx;
    const controller = graph.current;
    if (!controller || store.getState().layoutRunning) return;
    store.setState({ layoutRunning: { count: controller.positions().length } });
    try {
      const positions = await controller.relayout();
      if (store.getState().mode.kind === 'local') return;
      this.ctx.drawing.applyMutation(
        await api.applyLayout({ name: store.getState().layout, positions }),
      );
    } catch (error) {
      this.ctx.notify(error);
    } finally {
      store.setState({ layoutRunning: null });
    }
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
}
