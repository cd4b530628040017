// The layouts the map can be arranged with, in the order the app lists them. The renderer
// runs them (graph/layout-runner.ts); main remembers which one a graph was last laid out
// with, and undoes a layout with the positions it replaced.

export interface LayoutInfo {
  label: string;
  /** What it does, for a menu. */
  summary: string;
}

export const LAYOUTS = {
  force: {
    label: 'Force-directed',
    summary: 'Linked concepts pull together into clusters',
  },
  concentric: {
    label: 'Concentric',
    summary: 'Rings around the focus, or by how linked each concept is',
  },
  hierarchy: {
    label: 'Hierarchy',
    summary: 'Layers along the links, for "part of" and "runs on" chains',
  },
  categories: {
    label: 'By category',
    summary: 'A cluster for each category',
  },
  circle: { label: 'Circle', summary: 'Every concept on one circle' },
  grid: { label: 'Grid', summary: 'Rows and columns, by category' },
} as const satisfies Record<string, LayoutInfo>;

export type LayoutName = keyof typeof LAYOUTS;
export const LAYOUT_NAMES = Object.keys(LAYOUTS) as [LayoutName, ...LayoutName[]];

export function isLayoutName(name: unknown): name is LayoutName {
  return typeof name === 'string' && Object.hasOwn(LAYOUTS, name);
}
