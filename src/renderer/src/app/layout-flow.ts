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
  /** The whole graph's layout on the store, while it runs. */
  private onTheStore: { cancelled: boolean; generation: number } | null = null;

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
      await this.runOnTheStore();
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
    store.setState({
      dialog: null,
      layoutRunning: { count: input.concepts.length, name, progress: null },
    });
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
    const job = this.onTheStore;
    if (job) {
      job.cancelled = true;
      this.ctx.api.cancelWholeLayout({}).then(
        ({ cancelled }) => {
          if (cancelled || this.onTheStore !== job) return;
          job.cancelled = false;
          this.ctx.showToast('The layout is writing its positions: it can no longer be cancelled.');
        },
        (error: unknown) => this.ctx.notify(error),
      );
    }
  }

  /**
   * A graph the map draws by region is laid out whole on the store, with ForceAtlas2:
   * the window never holds it all. The app works meanwhile; the strip shows how far it
   * has come, and Cancel stops it with nothing moved.
   */
  private async runOnTheStore(): Promise<void> {
    const { store, api } = this.ctx;
    const name = store.getState().layout;
    if (name !== 'force') {
      this.ctx.notify(
        new Error(
          `This graph is too big for the ${LAYOUTS[name].label} layout: choose Force-directed to lay it all out, or open a local graph or filter it down.`,
        ),
      );
      return;
    }
    // One at a time for this graph. A graph opened since (graphGeneration moved) drops
    // the answers of a layout started for the last one.
    const generation = this.ctx.drawing.graphGeneration;
    if (this.onTheStore?.generation === generation) return;
    const concepts = store.getState().summary?.concepts.total ?? 0;
    const job = { cancelled: false, generation };
    const current = () =>
      this.onTheStore === job && this.ctx.drawing.graphGeneration === generation;
    this.onTheStore = job;
    store.setState({ layoutRunning: { count: concepts, name, progress: null } });
    const poll = setInterval(() => {
      api.getWholeLayoutProgress({}).then(
        (progress) => {
          if (progress && current())
            store.setState({ layoutRunning: { count: progress.concepts, name, progress } });
        },
        // The next poll asks again; the layout's own answer says what went wrong.
        () => undefined,
      );
    }, PROGRESS_EVERY_MS);
    try {
      const mutation = await api.layoutWholeGraph({});
      if (!current()) return;
      this.ctx.drawing.applyMutation(mutation);
      // The whole graph has moved: the map shows all of it, as a first open does.
      await this.ctx.drawing.redraw({ fresh: false, fit: true });
    } catch (error) {
      if (!current()) return;
      if (job.cancelled)
        this.ctx.showToast(`${LAYOUTS[name].label} layout cancelled; nothing moved.`);
      else this.ctx.notify(error);
    } finally {
      clearInterval(poll);
      if (current()) store.setState({ layoutRunning: null });
      if (this.onTheStore === job) this.onTheStore = null;
    }
  }
}

/** How often the strip asks the store how far a whole-graph layout has come. */
const PROGRESS_EVERY_MS = 500;
