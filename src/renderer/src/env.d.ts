import type { GraphInspection } from './graph/inspection';

/** Read-only test hooks: what the graph shows, for end-to-end tests. */
export interface CairnInspect extends GraphInspection {
  selectedId(): string | null;
  /** Every selected concept (shift+click, box), sorted. */
  selectedIds(): string[];
}

declare global {
  interface Window {
    readonly __cairnInspect?: CairnInspect;
  }
}
