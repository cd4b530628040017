import type { MeasureName } from '../../../shared/structure';
import type { ColourBy } from '../graph/styling';
import { toErrorInfo } from './errors';
import type { FlowContext } from './flow-context';

/** How often a measure taken in the background is asked after. */
const POLL_MS = 1_000;
/** After an edit, the measures are asked for again once edits pause this long. */
const AFTER_EDIT_MS = 400;
const TOP = 10;

/**
 * The graph's structure: the Structure panel, and sizing and colouring the map by a
 * measure. A big graph is measured in the background by the store; this flow asks
 * again until the measures are current, then draws them.
 */
export class StructureFlow {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(private readonly ctx: FlowContext) {}

  togglePanel(): void {
    const structureOpen = !this.ctx.store.getState().structureOpen;
    // One panel on that side of the map at a time.
    this.ctx.store.setState({ structureOpen, ...(structureOpen ? { historyOpen: false } : {}) });
    if (structureOpen) void this.refresh();
  }

  setSizeBy(sizeBy: MeasureName): void {
    this.setStyling({ ...this.ctx.store.getState().styling, sizeBy });
  }

  setColourBy(colourBy: ColourBy): void {
    this.setStyling({ ...this.ctx.store.getState().styling, colourBy });
  }

  /** A change was made: what is shown of the structure is measured again, soon. */
  changed(): void {
    if (!this.wanted()) {
      if (this.ctx.store.getState().structure) this.ctx.store.setState({ structure: null });
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => void this.refresh({ redraw: this.needsMeasures() }),
      AFTER_EDIT_MS,
    );
  }

  /** Asks for the structure, and again while it is being measured. */
  async refresh({ redraw = false }: { redraw?: boolean } = {}): Promise<void> {
    const { api, store } = this.ctx;
    clearTimeout(this.timer);
    const seq = ++this.seq;
    try {
      const answer = await api.getStructure({ top: TOP });
      if (seq !== this.seq) return;
      store.setState({ structure: answer });
      this.applyStyling();
      if (answer.state === 'measuring') {
        // Once current, the map is drawn again so its concepts carry the new measures.
        this.timer = setTimeout(() => void this.refresh({ redraw: true }), POLL_MS);
      } else if (redraw && this.needsMeasures()) {
        await this.ctx.drawing.redraw({ fresh: false });
      }
    } catch (error) {
      if (seq === this.seq) store.setState({ notice: toErrorInfo(error).message });
    }
  }

  /** Hands the styling, with the measures' maxima, to the map. */
  applyStyling(): void {
    const { styling, structure } = this.ctx.store.getState();
    this.ctx.graph.current?.setStyling({
      ...styling,
      maxima: structure?.structure?.maxima ?? null,
    });
  }

  private setStyling(styling: { sizeBy: MeasureName; colourBy: ColourBy }): void {
    const before = this.ctx.store.getState();
    this.ctx.store.setState({ styling });
    this.applyStyling();
    if (!this.needsMeasures()) return;
    // The drawn concepts carry the measures stored when they were fetched: none, if the
    // graph had not been measured yet.
    const unmeasured = before.drawn?.concepts.some((c) => c.measures === null) ?? false;
    if (before.structure?.state !== 'current' || unmeasured) void this.refresh({ redraw: true });
  }

  /** The styling reads a measure the store keeps (not the links, which are always current). */
  private needsMeasures(): boolean {
    const { sizeBy, colourBy } = this.ctx.store.getState().styling;
    return sizeBy === 'pagerank' || sizeBy === 'betweenness' || colourBy === 'community';
  }

  private wanted(): boolean {
    return this.ctx.store.getState().structureOpen || this.needsMeasures();
  }
}
