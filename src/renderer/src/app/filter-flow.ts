import {
  NO_FILTER,
  setEntry,
  withFacet,
  type EntryState,
  type Facet,
  type GraphFilter,
} from '../../../shared/filters';
import type { FlowContext } from './flow-context';

/**
 * What the map shows of the graph: the filter panel's choices, kept with the graph file
 * (they are there after a restart). A hidden concept keeps its place: it comes back
 * where it was.
 */
export class FilterFlow {
  constructor(private readonly ctx: FlowContext) {}

  async set(filter: GraphFilter): Promise<void> {
    const { api, store } = this.ctx;
    store.setState({ filter });
    api.saveFilter({ filter }).catch((error: unknown) => this.ctx.notify(error));
    await this.ctx.drawing.redraw({ fresh: false });
  }

  /** One entry of a facet shown, hidden, or made one of the only ones shown. */
  setEntry(facet: Facet, value: string, state: EntryState): Promise<void> {
    const filter = this.ctx.store.getState().filter;
    return this.set(withFacet(filter, facet, setEntry(filter[facet], value, state)));
  }

  setNote(note: GraphFilter['note']): Promise<void> {
    return this.set({ ...this.ctx.store.getState().filter, note });
  }

  /** "Only mine": the user's own concepts and links, with what they link to as context. */
  async toggleMine(): Promise<void> {
    const filter = this.ctx.store.getState().filter;
    await this.set({ ...filter, mine: !filter.mine });
    this.ctx.graph.current?.fit();
  }

  reset(): Promise<void> {
    return this.set(NO_FILTER);
  }
}
