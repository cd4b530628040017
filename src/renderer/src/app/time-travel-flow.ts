import type { AppInfo } from '../../../shared/domain';
import type { TravelState } from '../../../shared/time-travel';
import { NO_GHOSTS } from '../graph/ghosts';
import { selectDrawn } from '../state/selectors';
import type { TimeTravelUi } from '../state/store';
import type { FlowContext } from './flow-context';

/** A drag of the timeline asks for the past this long after it stops moving. */
const SETTLE_MS = 120;

/**
 * The timeline (services/time-travel/): the map, the details and search show the graph
 * as it was after any recorded change. Deleted concepts come back faded, renamed ones
 * wear their old labels. While the timeline is open nothing can be changed, even at
 * "now": an edit would move the history under the timeline's positions.
 */
export class TimeTravelFlow {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests: an answer that is not the newest's lands nowhere. */
  private seq = 0;
  /** The app's own info (its read-only flag), put back when the timeline closes. */
  private present: AppInfo | null = null;

  constructor(private readonly ctx: FlowContext) {}

  private get ui(): TimeTravelUi | null {
    return this.ctx.store.getState().timeTravel;
  }

  private set(change: Partial<TimeTravelUi>): void {
    const ui = this.ui;
    if (ui) this.ctx.store.setState({ timeTravel: { ...ui, ...change } });
  }

  toggle(): void {
    if (this.ui) void this.close();
    else void this.open();
  }

  async open(): Promise<void> {
    const { api, store, notes } = this.ctx;
    await notes.flush();
    const seq = ++this.seq;
    const appInfo = store.getState().appInfo;
    if (appInfo && !this.present) this.present = appInfo;
    store.setState({
      timeTravel: { timeline: null, index: 0, state: null, busy: true, changes: null },
      ...(appInfo ? { appInfo: { ...appInfo, readOnly: true } } : {}),
      editing: false,
      addingLink: false,
    });
    try {
      const timeline = await api.getTimeline({});
      if (seq === this.seq) this.set({ timeline, index: timeline.entries.length, busy: false });
    } catch (error) {
      if (seq !== this.seq) return;
      this.restorePresent();
      store.setState({ timeTravel: null });
      this.ctx.notify(error);
    }
  }

  /** Moves the timeline to `index`; a drag asks once it settles. */
  moveTo(index: number, at = SETTLE_MS): void {
    const timeline = this.ui?.timeline;
    if (!timeline) return;
    const clamped = Math.max(0, Math.min(timeline.entries.length, Math.round(index)));
    this.set({ index: clamped, changes: null });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.travel(clamped), at);
  }

  step(delta: -1 | 1): void {
    const ui = this.ui;
    if (ui) this.moveTo(ui.index + delta, 0);
  }

  /** Back to now, editable again. The services are told whatever this tab last asked. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.seq++;
    this.ctx.store.setState({ timeTravel: null });
    this.restorePresent();
    try {
      await this.show(await this.ctx.api.travelTo({ after: null }));
    } catch (error) {
      this.ctx.notify(error);
    }
  }

  /** A fresh load (the app started, or another graph opened), which shows now (drawing-flow.ts). */
  reset(): void {
    clearTimeout(this.timer);
    this.seq++;
    this.present = null;
    this.ctx.graph.current?.setGhosts(NO_GHOSTS);
    this.ctx.store.setState({ timeTravel: null });
  }

  /**
   * "What changed since…" the moment shown: the map comes back to now, with what was
   * added and edited since lit; the list names the deleted too.
   */
  async showChanges(): Promise<void> {
    const ui = this.ui;
    const entries = ui?.timeline?.entries;
    if (!ui || !entries || entries.length === 0) return;
    const seq = ++this.seq;
    const since = ui.index === 0 ? 0 : entries[Math.min(ui.index, entries.length) - 1]!.id;
    const from =
      ui.index === 0
        ? new Date(Date.parse(entries[0]!.at) - 1).toISOString()
        : entries[ui.index - 1]!.at;
    try {
      const changes = await this.ctx.api.getChangesBetween({ from, afterChange: since });
      if (seq !== this.seq) return;
      clearTimeout(this.timer);
      this.set({ index: entries.length });
      await this.travel(entries.length);
      if (!this.ui || this.seq !== seq + 1) return;
      this.set({ changes });
      const lit = [...changes.added, ...changes.edited.map((c) => c.concept)].map((c) => c.id);
      this.ctx.graph.current?.showMatches(lit);
    } catch (error) {
      if (seq === this.seq) this.ctx.notify(error);
    }
  }

  hideChanges(): void {
    this.set({ changes: null });
    this.ctx.graph.current?.showMatches([]);
  }

  private restorePresent(): void {
    if (this.present) this.ctx.store.setState({ appInfo: this.present });
    this.present = null;
  }

  private async travel(index: number): Promise<void> {
    const entries = this.ui?.timeline?.entries;
    if (!entries) return;
    const seq = ++this.seq;
    const after = index >= entries.length ? null : index === 0 ? 0 : entries[index - 1]!.id;
    this.set({ busy: true });
    try {
      const state = await this.ctx.api.travelTo({ after });
      if (seq !== this.seq || !this.ui) return;
      await this.show(state);
      if (seq === this.seq) this.set({ state: after === null ? null : state, busy: false });
    } catch (error) {
      if (seq !== this.seq) return;
      this.set({ busy: false });
      this.ctx.notify(error);
    }
  }

  /** Draws what the services now answer for. */
  private async show(state: TravelState): Promise<void> {
    const { store, graph } = this.ctx;
    graph.current?.setGhosts(
      state.after === null ? NO_GHOSTS : { concepts: state.ghosts, links: state.ghostLinks },
    );
    graph.current?.showMatches([]);
    await this.ctx.drawing.redraw({ fresh: false });
    // A concept that did not exist then (or does not now) leaves the details.
    const selected = store.getState().selectedId;
    if (selected && !selectDrawn(store.getState()).has(selected)) this.ctx.selection.clear();
    else if (selected) this.ctx.selection.refreshDetails();
  }
}
