import type { PathsResult } from '../../../shared/domain';
import { PATH_LIMITS } from '../../../shared/paths';
import type { PathSearch } from '../state/store';
import type { FlowContext } from './flow-context';

/** The search a new Paths panel starts with: the focused concept as the start. */
function freshSearch(from: { id: string; label: string } | null): PathSearch {
  return {
    from: from?.id ?? null,
    fromText: from?.label ?? '',
    to: null,
    toText: '',
    k: PATH_LIMITS.defaultK,
    maxHops: PATH_LIMITS.defaultMaxHops,
    directed: false,
    relations: [],
    avoid: [],
    result: null,
    active: 0,
    busy: false,
    error: null,
  };
}

/** A path's concepts and links, for the map to light. */
export function pathHighlight(result: PathsResult, index: number) {
  const hops = result.paths[index];
  if (!hops || hops.length === 0) return null;
  return {
    concepts: [hops[0]!.from.id, ...hops.map((h) => h.to.id)],
    links: hops.map((h) => h.linkId),
  };
}

/**
 * "How are X and Y connected?": the Paths panel's search, asked of the store (findPaths),
 * through what the filter shows; the chosen path is lit on the map.
 */
export class PathFlow {
  private seq = 0;

  constructor(private readonly ctx: FlowContext) {}

  /** Opens the Paths panel, from the focused concept. */
  open(): void {
    const state = this.ctx.store.getState();
    const focused = state.details?.data?.concept ?? null;
    this.ctx.store.setState({
      paths: freshSearch(focused ? { id: focused.id, label: focused.label } : null),
    });
  }

  close(): void {
    this.seq++;
    this.ctx.store.setState({ paths: null });
    this.ctx.graph.current?.showPath(null);
  }

  update(change: Partial<PathSearch>): void {
    const paths = this.ctx.store.getState().paths;
    if (paths) this.ctx.store.setState({ paths: { ...paths, ...change } });
  }

  async find(): Promise<void> {
    const { api, store } = this.ctx;
    const search = store.getState().paths;
    if (!search?.from || !search.to) {
      this.update({ error: 'Choose the two concepts to connect.' });
      return;
    }
    const seq = ++this.seq;
    this.update({ busy: true, error: null });
    try {
      const result = await api.findPaths({
        from: search.from,
        to: search.to,
        k: search.k,
        maxHops: search.maxHops,
        directed: search.directed,
        ...(search.relations.length > 0 ? { relations: search.relations } : {}),
        ...(search.avoid.length > 0 ? { avoid: search.avoid } : {}),
        filter: store.getState().filter,
      });
      if (seq !== this.seq) return;
      this.update({ result, active: 0, busy: false });
      await this.light(0);
    } catch (error) {
      if (seq !== this.seq) return;
      this.update({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Lights path `index` on the map; on a big graph, drawn as a local graph first. */
  async light(index: number): Promise<void> {
    const result = this.ctx.store.getState().paths?.result;
    if (!result) return;
    this.update({ active: index });
    const lit = pathHighlight(result, index);
    if (!lit) {
      this.ctx.graph.current?.showPath(null);
      return;
    }
    const drawn = new Set(this.ctx.store.getState().drawn?.concepts.map((c) => c.id) ?? []);
    // A path through concepts not drawn (a big graph drawn by region): show them in a
    // local graph around the path, so every hop is on screen.
    if (!lit.concepts.every((id) => drawn.has(id))) {
      await this.ctx.local.show(lit.concepts, 1);
    }
    this.ctx.graph.current?.showPath(lit);
    this.ctx.graph.current?.fit(lit.concepts);
  }
}
