import type { CairnApi } from '../../../shared/contract';
import type { CairnInspect } from '../env';
import { GraphController } from '../graph/GraphController';
import { inspectDrawing } from '../graph/inspection';
import type { UiStore } from '../state/store';
import { ControllerSlot } from './controller-slot';
import { DrawingFlow } from './drawing-flow';
import { EditingFlow } from './editing-flow';
import { ExchangeFlow } from './exchange-flow';
import { FilterFlow } from './filter-flow';
import { LayoutFlow } from './layout-flow';
import { LocalFlow } from './local-flow';
import { MapKeysFlow } from './map-keys-flow';
import { PathFlow } from './path-flow';
import { SavedViewsFlow } from './saved-views-flow';
import type { FlowContext } from './flow-context';
import { HistoryFlow } from './history-flow';
import { NoteDrafts } from './note-drafts';
import { SearchFlow } from './search-flow';
import { SelectionFlow } from './selection-flow';
import { StructureFlow } from './structure-flow';
import { SuggestionsFlow } from './suggestions-flow';
import { TimeTravelFlow } from './time-travel-flow';
import { ViewFlow } from './view-flow';

import { toErrorInfo } from './errors';

export { errorMessage } from './errors';

/**
 * The app's session: it owns the flows behind every user command and wires them to
 * each other, to the API and to the GraphController once GraphView mounts one. Each
 * flow is a room of its own (drawing, selection, editing, history, view, search,
 * notes, exchange); actions and components call the flows, never the API.
 */
export class Session implements FlowContext {
  readonly graph = new ControllerSlot();
  readonly drawing: DrawingFlow;
  readonly selection: SelectionFlow;
  readonly editing: EditingFlow;
  readonly history: HistoryFlow;
  readonly view: ViewFlow;
  readonly filters: FilterFlow;
  readonly local: LocalFlow;
  readonly layout: LayoutFlow;
  readonly paths: PathFlow;
  readonly search: SearchFlow;
  readonly notes: NoteDrafts;
  readonly exchange: ExchangeFlow;
  readonly structure: StructureFlow;
  readonly mapKeys: MapKeysFlow;
  readonly savedViews: SavedViewsFlow;
  readonly suggestions: SuggestionsFlow;
  readonly timeTravel: TimeTravelFlow;

  constructor(
    readonly api: CairnApi,
    readonly store: UiStore,
  ) {
    this.drawing = new DrawingFlow(this);
    this.selection = new SelectionFlow(this);
    this.editing = new EditingFlow(this);
    this.history = new HistoryFlow(this);
    this.view = new ViewFlow(this);
    this.filters = new FilterFlow(this);
    this.local = new LocalFlow(this);
    this.layout = new LayoutFlow(this);
    this.paths = new PathFlow(this);
    this.structure = new StructureFlow(this);
    this.mapKeys = new MapKeysFlow(this);
    this.savedViews = new SavedViewsFlow(this);
    this.suggestions = new SuggestionsFlow(this);
    this.timeTravel = new TimeTravelFlow(this);
    this.search = new SearchFlow(api, store, {
      navigateTo: (id) => this.selection.navigateTo(id),
      showMatches: (ids) => this.graph.current?.showMatches(ids),
      focusGraph: () => this.graph.current?.focus(),
    });
    this.notes = new NoteDrafts(api, store, {
      applyMutation: (mutation) => this.drawing.applyMutation(mutation),
      showDetails: (data) => this.selection.showDetails(data),
    });
    this.exchange = new ExchangeFlow(api, store, this.graph, {
      flushNote: () => this.notes.flush(),
      redraw: (options) => this.drawing.redraw(options),
      showToast: (message, undo) => this.showToast(message, undo),
      selectOnly: (ids) => (this.selection.clear(), this.selection.add(ids)),
    });
  }

  /** Loads the open graph, as at start. */
  load(): Promise<void> {
    return this.drawing.redraw({ fresh: true });
  }

  /** Called by GraphView once its element exists; returns the cleanup. */
  mountGraph(container: HTMLElement): () => void {
    const controller = new GraphController(container, this.store.getState().theme, {
      onNodeTap: (id, additive) =>
        additive ? this.selection.toggle(id) : this.selection.navigateTo(id, { centre: false }),
      onBoxSelect: (ids) => this.selection.add(ids),
      onBackgroundTap: () => this.selection.clear(),
      onNodeDoubleTap: (id) => void this.local.toggle(id),
      onNodesMoved: (positions) => void this.view.moved(positions),
      onBackgroundDoubleTap: (position) =>
        this.editing.openDialog({ kind: 'new-concept', position }),
      onLinkDrawn: (source, target) =>
        this.editing.openDialog({ kind: 'new-link', source, target }),
      onViewportSettled: (view) => this.drawing.viewportSettled(view),
    });
    this.graph.fill(controller);
    this.structure.applyStyling();
    const { drawn, summary, status } = this.store.getState();
    // A remount (e.g. React StrictMode in development) redraws what was loaded.
    if (drawn && status === 'ready') {
      void controller.drawView(drawn, summary?.categories ?? []).then(() => {
        const { filter, selectedId, selection } = this.store.getState();
        controller.setContext(filter.mine);
        controller.select(selectedId, selection);
      });
    }
    return () => {
      controller.destroy();
      this.graph.release(controller);
    };
  }

  /** What end-to-end tests read of the drawing and the selection. */
  readonly inspect: CairnInspect = {
    ...inspectDrawing(() => this.graph.current?.drawn ?? null),
    selectedId: () => this.store.getState().selectedId,
    selectedIds: () => [...this.store.getState().selection].sort(),
  };

  showToast(message: string, undo = false): void {
    const seq = (this.store.getState().toast?.seq ?? 0) + 1;
    this.store.setState({ toast: { message, undo, seq } });
  }

  notify(error: unknown): void {
    this.store.setState({ notice: toErrorInfo(error).message });
  }

  dismissToast(): void {
    this.store.setState({ toast: null });
  }
}
