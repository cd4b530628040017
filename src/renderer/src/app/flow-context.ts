import type { CairnApi } from '../../../shared/contract';
import type { UiStore } from '../state/store';
import type { ControllerSlot } from './controller-slot';
import type { DrawingFlow } from './drawing-flow';
import type { EditingFlow } from './editing-flow';
import type { ExchangeFlow } from './exchange-flow';
import type { FilterFlow } from './filter-flow';
import type { LayoutFlow } from './layout-flow';
import type { LocalFlow } from './local-flow';
import type { MapKeysFlow } from './map-keys-flow';
import type { PathFlow } from './path-flow';
import type { SavedViewsFlow } from './saved-views-flow';
import type { HistoryFlow } from './history-flow';
import type { NoteDrafts } from './note-drafts';
import type { SearchFlow } from './search-flow';
import type { SelectionFlow } from './selection-flow';
import type { StructureFlow } from './structure-flow';
import type { SuggestionsFlow } from './suggestions-flow';
import type { TimeTravelFlow } from './time-travel-flow';
import type { ViewFlow } from './view-flow';

/**
 * What every flow of the session can reach: the API, the UI store, the graph
 * controller once it is mounted, and the other flows (read when a flow runs, so the
 * order they are built in does not matter). The Session is the one implementation.
 */
export interface FlowContext {
  readonly api: CairnApi;
  readonly store: UiStore;
  readonly graph: ControllerSlot;
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
  showToast(message: string, undo?: boolean): void;
  /** A command failed: its sentence goes to the status bar. */
  notify(error: unknown): void;
}
