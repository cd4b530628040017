import type { GraphInspection } from './graph/GraphController';

/** Read-only test hooks: what the graph shows, for end-to-end tests. */
export interface CairnInspect extends GraphInspection {
  selectedId(): string | null;
}

declare global {
  interface Window {
    readonly __cairnInspect?: CairnInspect;
  }
}
