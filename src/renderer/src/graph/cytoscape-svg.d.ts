// cytoscape-svg 0.4 ships no types: the extension and the one method it adds.
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  const cytoscapeSvg: Ext;
  export default cytoscapeSvg;
}

declare namespace cytoscape {
  interface Core {
    /** The view as SVG text: `full` the whole graph, else what is on screen. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
