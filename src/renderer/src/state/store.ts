import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, ConceptDetails, GraphSnapshot, SearchHit } from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';
import type { Theme } from '../graph/styles';
import { EMPTY_HISTORY, type History } from './history';

export type Status = 'loading' | 'ready' | 'empty' | 'error';

export interface SearchState {
  query: string;
  results: SearchHit[];
  /** The query the results belong to; differs from `query` while a request is in flight. */
  resultsFor: string;
  activeIndex: number;
  open: boolean;
  error: string | null;
}

export interface DetailsState {
  id: string;
  data: ConceptDetails | null;
  error: string | null;
}

export interface UiState {
  status: Status;
  error: ErrorInfo | null;
  appInfo: AppInfo | null;
  snapshot: GraphSnapshot | null;
  selectedId: string | null;
  details: DetailsState | null;
  history: History;
  search: SearchState;
  theme: Theme;
  highlightedCategory: string | null;
  layoutRunning: boolean;
  /** Which path the first draw took, once it is done. */
  firstLayout: 'stored' | 'computed' | null;
  /** A problem that does not stop the app, shown in the status bar. */
  notice: string | null;
}

export type UiStore = StoreApi<UiState>;

export const EMPTY_SEARCH: SearchState = {
  query: '',
  results: [],
  resultsFor: '',
  activeIndex: -1,
  open: false,
  error: null,
};

export function createUiStore(theme: Theme): UiStore {
  return createStore<UiState>()(() => ({
    status: 'loading',
    error: null,
    appInfo: null,
    snapshot: null,
    selectedId: null,
    details: null,
    history: EMPTY_HISTORY,
    search: EMPTY_SEARCH,
    theme,
    highlightedCategory: null,
    layoutRunning: false,
    firstLayout: null,
    notice: null,
  }));
}
