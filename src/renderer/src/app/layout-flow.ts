import { LAYOUTS, type LayoutName } from '../../../shared/layouts';
import { LayoutCancelled, runLayoutInWorker, type RunningLayout } from '../layout/layout-client';
import type { LayoutInput } from '../layout/layout-engine';
import type { FlowContext } from './flow-context';

/** What to do with concepts the user placed by hand, once asked. */
export type HandPlaced = 'ask' | 'move' | 'keep';

/**
 * Choosing a layout and running it: off the main thread (layout-client.ts), with a
 * cancel, asking first when it would move concepts placed by hand. On the whole graph the
 * result is one undoable step; in a local graph it is that view's own arrangement.
 */
export class LayoutFlow {
  private running: RunningLayout | null = null;

  constructor(private readonly ctx: FlowContext) {}

  /** Arranges the map with `name`, and remembers it as this graph's layout. */
  choose(name: LayoutName): Promise<void> {
    this.ctx.store.setState({ layout: name });
    return this.run();
  }

  /** Runs the current layout again (Re-layout). */
  async run(handPlaced: HandPlaced = 'ask'): Promise<void> {
    const { store, graph, api } = this.ctx;
    const controller = graph.current;
    const state = store.getState();
    const drawn = state.drawn;
    if (!controller || !drawn || this.running || drawn.concepts.length === 0) return;
    if (drawn.scope === 'region') {
      this.ctx.notify(
        new Error(
          'This graph is drawn by region: open a local graph or filter it down to lay it out.',
        ),
      );
      return;
    }
    const local = state.mode.kind === 'local';
    const name = state.layout;
    const byHand = local ? 0 : drawn.concepts.filter((c) => c.manual && !c.pinned).length;
    if (byHand > 0 && handPlaced === 'ask') {
      store.setState({ dialog: { kind: 'confirm-layout', name, handPlaced: byHand } });
      return;
    }
    const at = new Map(controller.positions().map((p) => [p.id, p]));
    const input: LayoutInput = {
      concepts: drawn.concepts.map((c) => ({
        id: c.id,
        category: c.category,
        degree: c.degree,
        x: at.get(c.id)?.x ?? null,
        y: at.get(c.id)?.y ?? null,
        fixed: c.pinned || (handPlaced === 'keep' && c.manual),
      })),
      links: drawn.links.map((l) => ({ source: l.source, target: l.target })),
      ...(state.mode.kind === 'local' ? { focus: state.mode.focus } : {}),
    };
    store.setState({ dialog: null, layoutRunning: { count: input.concepts.length, name } });
    const running = runLayoutInWorker(name, input);
    this.running = running;
    try {
      const positions = await running.result;
      await controller.moveTo(positions);
      // A local graph keeps the layout chosen for it through its redraws.
      if (local) this.ctx.local.keepArrangement(positions);
      if (!local && store.getState().mode.kind === 'graph') {
        this.ctx.drawing.applyMutation(await api.applyLayout({ name, positions }));
      }
    } catch (error) {
      if (error instanceof LayoutCancelled) {
        this.ctx.showToast(`${LAYOUTS[name].label} layout cancelled; nothing moved.`);
      } else {
        this.ctx.notify(error);
      }
    } finally {
      this.running = null;
      store.setState({ layoutRunning: null });
    }
  }

  cancel(): void {
    this.running?.cancel();
  }
}
