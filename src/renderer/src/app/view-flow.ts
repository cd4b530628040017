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

  /** Lays the graph out again from scratch and saves the new positions. */
  async relayout(): Promise<void> {
    const { store, graph } = this.ctx;
    const controller = graph.current;
    if (!controller || store.getState().layoutRunning) return;
    store.setState({ layoutRunning: true });
    try {
      await this.ctx.drawing.savePositions(await controller.relayout());
    } finally {
      store.setState({ layoutRunning: false });
    }
  }

  setTheme(theme: Theme): void {
    this.ctx.store.setState({ theme });
    this.ctx.graph.current?.setTheme(theme);
  }

  toggleOnlyMine(): void {
    const onlyMine = !this.ctx.store.getState().onlyMine;
    this.ctx.store.setState({ onlyMine });
    this.ctx.graph.current?.setOnlyMine(onlyMine);
  }
}
