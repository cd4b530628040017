import type { Position } from '../../../shared/domain';
import type { LocalGraph } from '../../../shared/graph-view';
import type { DrawnGraph, MapMode } from '../state/store';
import { isExpanded } from '../state/selectors';
import type { FlowContext } from './flow-context';

/** The depth a local graph opens at, as Obsidian's does. */
const DEFAULT_DEPTH = 1;

function drawnFromLocal(local: LocalGraph): DrawnGraph {
  return {
    scope: 'local',
    concepts: local.concepts,
    links: local.links,
    shown: local.concepts.length,
    truncated: local.remainders.length > 0,
    remainders: local.remainders,
  };
}

type LocalMode = Extract<MapMode, { kind: 'local' }>;

/**
 * The local graph, as Obsidian's: one concept (or a multi-selection) and its
 * neighbourhood to a chosen depth, with Expand and Collapse, laid out on its own around
 * the focus. Its arrangement is its own: nothing here moves the whole graph's positions.
 */
export class LocalFlow {
  private seq = 0;
  /**
   * Where each draw of this local graph puts its concepts instead of rings: a saved view's
   * arrangement, or the layout chosen for it. Kept until the local graph changes, so that
   * a redraw (new measures, an edit) does not undo it.
   */
  private arrangement: Position[] | null = null;

  constructor(private readonly ctx: FlowContext) {}

  /** Opens the local graph of these concepts (the selection, by default). */
  async show(focus?: readonly string[], depth?: number): Promise<void> {
    const state = this.ctx.store.getState();
    const around = focus ?? (state.selection.length > 0 ? state.selection : []);
    if (around.length === 0) return;
    const previous = state.mode.kind === 'local' ? state.mode : null;
    this.arrangement = null;
    this.ctx.store.setState({
      mode: {
        kind: 'local',
        focus: [...around],
        depth: depth ?? previous?.depth ?? DEFAULT_DEPTH,
        expanded: [],
        showAll: [],
      },
    });
    await this.redraw();
  }

  /** This local graph's concepts stand here, from its next draw on (see `arrangement`). */
  keepArrangement(positions: Position[] | null): void {
    this.arrangement = positions;
  }

  setDepth(depth: number): Promise<void> {
    return this.change((mode) => ({ ...mode, depth }));
  }

  /** Adds a concept's neighbours to the local graph. */
  expand(id: string): Promise<void> {
    return this.change((mode) =>
      mode.expanded.includes(id) ? mode : { ...mode, expanded: [...mode.expanded, id] },
    );
  }

  /** Takes away the neighbours only this concept brought in. */
  collapse(id: string): Promise<void> {
    return this.change((mode) => ({
      ...mode,
      expanded: mode.expanded.filter((e) => e !== id),
      showAll: mode.showAll.filter((e) => e !== id),
      // Collapsing a focus concept's neighbourhood: the focus stays, its ring goes.
      depth:
        mode.focus.length === 1 && mode.focus[0] === id && mode.expanded.length === 0
          ? 1
          : mode.depth,
    }));
  }

  /**
   * A double click: on the whole graph it opens the concept's local graph; in one, it
   * expands the concept, or collapses it when it was expanded.
   */
  toggle(id: string): Promise<void> {
    const mode = this.ctx.store.getState().mode;
    if (mode.kind !== 'local') return this.show([id]);
    return isExpanded(mode, id) ? this.collapse(id) : this.expand(id);
  }

  /** A hub showed its most linked neighbours: show every one. */
  showAllOf(id: string): Promise<void> {
    return this.change((mode) =>
      mode.showAll.includes(id) ? mode : { ...mode, showAll: [...mode.showAll, id] },
    );
  }

  /** Back to the whole graph, drawn where its concepts are. */
  async leave(): Promise<void> {
    if (this.ctx.store.getState().mode.kind !== 'local') return;
    this.seq++;
    this.arrangement = null;
    this.ctx.store.setState({ mode: { kind: 'graph' }, drawn: null });
    await this.ctx.drawing.redraw({ fresh: false });
    this.ctx.graph.current?.fit();
  }

  /** Fetches the local graph the mode describes and draws it, laid out around the focus. */
  async redraw(): Promise<void> {
    const { api, store, graph } = this.ctx;
    const mode = store.getState().mode;
    if (mode.kind !== 'local') return;
    const seq = ++this.seq;
    try {
      const local = await api.getLocalGraph({
        focus: mode.focus,
        depth: mode.depth,
        expanded: mode.expanded,
        showAll: mode.showAll,
        filter: store.getState().filter,
      });
      if (seq !== this.seq) return;
      const drawn = drawnFromLocal(local);
      const wasLocal = store.getState().drawn?.scope === 'local';
      store.setState({ drawn });
      const controller = await graph.whenReady();
      const categories = store.getState().summary?.categories ?? [];
      // Entering, the concepts start where the whole graph has them, then move into rings.
      if (wasLocal) controller.syncView(drawn, categories);
      else await controller.drawView(drawn, categories);
      const state = store.getState();
      controller.select(state.selectedId, state.selection);
      const arrangement = this.arrangement;
      // Drawn again (new measures, an edit): the camera stays where the user has it.
      if (arrangement) await controller.moveTo(arrangement, !wasLocal);
      else {
        await controller.layoutAround(
          local.focus,
          new Map(local.concepts.map((c) => [c.id, c.distance])),
        );
      }
    } catch (error) {
      if (seq === this.seq) this.ctx.notify(error);
    }
  }

  private async change(next: (mode: LocalMode) => LocalMode): Promise<void> {
    const mode = this.ctx.store.getState().mode;
    if (mode.kind !== 'local') return;
    this.arrangement = null;
    this.ctx.store.setState({ mode: next(mode) });
    await this.redraw();
  }
}
