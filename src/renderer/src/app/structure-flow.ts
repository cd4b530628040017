import { isLinkCount, type MeasureName } from '../../../shared/structure';
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
  /** The measure the drawn concepts carry: the map is drawn again when a newer one comes. */
  private drawnMeasure: string | null = null;

  constructor(private readonly ctx: FlowContext) {}

  togglePanel(): void {
    const structureOpen = !this.ctx.store.getState().structureOpen;
    // One panel on that side of the map at a time.
    this.ctx.store.setState({
      structureOpen,
      ...(structureOpen ? { historyOpen: false, viewsOpen: false } : {}),
    });
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
    clearTimeout(this.timer);
    if (!this.wanted()) {
      if (this.ctx.store.getState().structure) this.ctx.store.setState({ structure: null });
      return;
    }
    this.timer = setTimeout(() => void this.refresh(), AFTER_EDIT_MS);
  }

  /** Another graph was opened: nothing asked of the last one may land on it. */
  reset(): void {
    clearTimeout(this.timer);
    this.seq += 1;
    this.drawnMeasure = null;
  }

  /** Asks for the structure, and again while it is being measured. */
  async refresh(): Promise<void> {
    const { api, store } = this.ctx;
    clearTimeout(this.timer);
    const seq = ++this.seq;
    try {
      const answer = await api.getStructure({ top: TOP });
      if (seq !== this.seq) return;
      store.setState({ structure: answer });
      this.applyStyling();
      if (answer.state === 'measuring') {
        if (this.wanted()) this.timer = setTimeout(() => void this.refresh(), POLL_MS);
      } else {
        await this.drawMeasures(answer.structure?.measuredAt ?? null);
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

  setStyling(styling: { sizeBy: MeasureName; colourBy: ColourBy }): void {
    this.ctx.store.setState({ styling });
    this.applyStyling();
    if (this.needsMeasures()) void this.refresh();
  }

  /**
   * The drawn concepts carry the measures stored when they were fetched. When the styling
   * reads them and a newer measure is current, the map is drawn again to fetch it.
   */
  private async drawMeasures(measuredAt: string | null): Promise<void> {
    const { store } = this.ctx;
    if (!this.needsMeasures() || measuredAt === null || store.getState().status !== 'ready') return;
    if (this.drawnMeasure === measuredAt) return;
    this.drawnMeasure = measuredAt;
    await this.ctx.drawing.redraw({ fresh: false });
  }

  /** The styling reads a measure the store keeps (not the links, which are always current). */
  private needsMeasures(): boolean {
    const { sizeBy, colourBy } = this.ctx.store.getState().styling;
    return !isLinkCount(sizeBy) || colourBy === 'community';
  }

  private wanted(): boolean {
    return this.ctx.store.getState().structureOpen || this.needsMeasures();
  }
}
