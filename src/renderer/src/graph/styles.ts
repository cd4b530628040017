import type { Css, EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';
import { conceptCanvasLabel, relationCanvasLabel } from './canvas-label';

export type Theme = 'light' | 'dark';

interface Palette {
  text: string;
  canvas: string;
  edge: string;
  edgeLabel: string;
  accent: string;
  halo: string;
  /** The user's own concepts and links. */
  mine: string;
  mention: string;
}

const PALETTES: Record<Theme, Palette> = {
  light: {
    text: '#1f2328',
    canvas: '#f7f7f5',
    edge: '#b4b9c2',
    edgeLabel: '#4b5563',
    accent: '#2563eb',
    halo: '#2563eb',
    mine: '#c2410c',
    mention: '#8b93a1',
  },
  dark: {
    text: '#dfe2e8',
    canvas: '#16171a',
    edge: '#4a505b',
    edgeLabel: '#b6bcc8',
    accent: '#7aa7ff',
    halo: '#7aa7ff',
    mine: '#fb923c',
    mention: '#6b7280',
  },
};

const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Noto Sans", sans-serif';

/** Relation labels are drawn only when this zoom makes them at least `EDGE_LABEL_MIN_PX` tall. */
const EDGE_FONT = 9;
const EDGE_LABEL_ZOOM = 1.4;

/**
 * How much bigger than their model size nodes and labels are drawn. Zoomed out, labels
 * keep a readable size on screen and nodes shrink more slowly than the map, as in
 * sigma.js; zoomed in, everything is its own size. Read by the style's functions, so a
 * change is one style update at the end of a zoom, never one per frame.
 */
export interface ViewScale {
  node: number;
  label: number;
}

export function viewScaleFor(zoom: number): ViewScale {
  if (zoom >= 1) return { node: 1, label: 1 };
  return { node: 1 / Math.sqrt(zoom), label: 1 / zoom };
}

// A small pin, drawn at a pinned concept's top right.
const PIN = `data:image/svg+xml;utf8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" viewBox="0 0 12 12"><circle cx="6" cy="4.5" r="3.2" fill="#d9480f" stroke="#fff" stroke-width="1.2"/><path d="M6 7.5 L6 11.5" stroke="#d9480f" stroke-width="1.6" stroke-linecap="round"/></svg>',
)}`;

/**
 * Visibility is driven by classes (`hover`, `focused`, `neighbour`, `incident`, `faded`,
 * `no-label`) and by `min-zoomed-font-size`, so zooming never needs a style change per
 * frame; `scale` is read again when the zoom settles (ViewScale).
 */
export function graphStyles(theme: Theme, large: boolean, scale: ViewScale): StylesheetJson {
  const p = PALETTES[theme];
  const nodeSize = (node: NodeSingular) => (node.data('size') as number) * scale.node;
  // Drawn short (canvas-label.ts); the data keeps the full label.
  const label = (node: NodeSingular) =>
    conceptCanvasLabel((node.data('label') as string | undefined) ?? '');
  // Fading is animated only for small graphs: a transition per element is too much for 10,000.
  const fade = large ? {} : { 'transition-property': 'opacity', 'transition-duration': 120 };
  return [
    {
      selector: 'core',
      style: {
        'selection-box-color': p.accent,
        'selection-box-opacity': 0.12,
        'selection-box-border-color': p.accent,
        'selection-box-border-width': 1,
        // The type asks for every core property; Cytoscape keeps its defaults for the rest.
      } as Css.Core,
    },
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        // One of Cytoscape's shape names, checked against palette.ts in elements.ts.
        shape: (node: NodeSingular) => node.data('shape') as Css.NodeShape,
        width: nodeSize,
        height: nodeSize,
        'border-width': 1.5,
        'border-color': p.canvas,
        // A function, not 'data(label)': Cytoscape parses a mapped string again as style,
        // so a label that reads `data(label)` would throw on every draw.
        label,
        color: p.text,
        'font-family': FONT,
        'font-size': () => 13 * scale.label,
        'font-weight': 500,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': () => 4 * scale.label,
        'text-wrap': 'wrap',
        'text-max-width': () => `${110 * scale.label}px`,
        'text-outline-color': p.canvas,
        'text-outline-width': () => 2 * scale.label,
        'text-outline-opacity': 0.85,
        'min-zoomed-font-size': 6,
        'overlay-opacity': 0,
        ...fade,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.1,
        'curve-style': 'bezier',
        'line-color': p.edge,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.edge,
        'arrow-scale': 0.75,
        opacity: 0.85,
        label: (edge: EdgeSingular) =>
          relationCanvasLabel((edge.data('relation') as string | undefined) ?? ''),
        'font-family': FONT,
        'font-size': EDGE_FONT,
        color: p.edgeLabel,
        'text-rotation': 'autorotate',
        'text-background-color': p.canvas,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': EDGE_FONT * EDGE_LABEL_ZOOM,
        'overlay-opacity': 0,
        ...fade,
      },
    },
    // Provenance: the user's own concepts wear a ring, their links are dashed.
    {
      selector: 'node[origin = "user"]',
      style: { 'border-width': 2.5, 'border-color': p.mine, 'border-style': 'solid' },
    },
    {
      selector: 'edge[origin = "user"][kind = "typed"]',
      style: { 'line-style': 'dashed', 'line-color': p.mine, 'target-arrow-color': p.mine },
    },
    // Mentions come from [[wikilinks]] in notes: thin, dotted, unlabelled.
    {
      selector: 'edge[kind = "mention"]',
      style: {
        'line-style': 'dotted',
        width: 1,
        'line-color': p.mention,
        'target-arrow-color': p.mention,
        'target-arrow-shape': 'vee',
        'arrow-scale': 0.6,
        label: '',
      },
    },
    // The label grid (label-grid.ts) leaves out labels that would overlap better ones.
    {
      selector: 'node.no-label',
      style: { label: '' },
    },
    {
      selector: 'node.pinned',
      style: {
        'background-image': PIN,
        'background-width': '12px',
        'background-height': '12px',
        'background-position-x': '100%',
        'background-position-y': '0%',
        'background-clip': 'none',
        'background-image-containment': 'over',
        'bounds-expansion': 6,
      },
    },
    {
      selector: 'node.hover',
      style: { label, 'border-color': p.accent, 'border-width': 3, 'z-index': 30 },
    },
    {
      selector: 'edge.hover',
      style: {
        'line-color': p.accent,
        'target-arrow-color': p.accent,
        width: 2,
        'font-size': 11,
        'min-zoomed-font-size': 0,
        'z-index': 30,
        opacity: 1,
      },
    },
    {
      selector: 'node.neighbour',
      style: { 'z-index': 10 },
    },
    // A search match while typing: a ring in the accent colour, its label shown.
    {
      selector: 'node.matched',
      style: {
        label,
        'border-width': 3,
        'border-color': p.accent,
        'min-zoomed-font-size': 0,
        'z-index': 30,
      },
    },
    // Several concepts selected (shift+click, shift-drag): each wears the halo.
    {
      selector: 'node.picked',
      style: {
        label,
        'underlay-color': p.halo,
        'underlay-padding': 5,
        'underlay-opacity': 0.3,
        'underlay-shape': 'ellipse',
        'min-zoomed-font-size': 0,
        'z-index': 35,
      },
    },
    {
      selector: 'node.focused',
      style: {
        label,
        'border-width': 3,
        'border-color': p.canvas,
        'underlay-color': p.halo,
        'underlay-padding': 6,
        'underlay-opacity': 0.35,
        'underlay-shape': 'ellipse',
        'min-zoomed-font-size': 0,
        'z-index': 40,
      },
    },
    // The keyboard's place: a ring in the accent colour, and the link it came along.
    {
      selector: 'node.key-focus',
      style: {
        label,
        'underlay-color': p.accent,
        'underlay-padding': 7,
        'underlay-opacity': 0.45,
        'underlay-shape': 'ellipse',
        'min-zoomed-font-size': 0,
        'z-index': 45,
      },
    },
    {
      selector: 'edge.key-focus',
      style: {
        'line-color': p.accent,
        'target-arrow-color': p.accent,
        width: 3,
        opacity: 1,
        label: (edge: EdgeSingular) =>
          relationCanvasLabel((edge.data('relation') as string | undefined) ?? ''),
        'font-size': 11,
        'min-zoomed-font-size': 0,
        'z-index': 45,
      },
    },
    {
      selector: 'edge.incident',
      style: {
        'line-color': p.accent,
        'target-arrow-color': p.accent,
        width: 1.8,
        opacity: 0.9,
        'font-size': 10,
        'min-zoomed-font-size': 0,
        'z-index': 20,
      },
    },
    // Time travel: what the past shows that has been deleted since.
    {
      selector: 'node.ghost',
      style: { opacity: 0.42, 'border-width': 2, 'border-style': 'dashed', 'border-color': p.text },
    },
    {
      selector: 'edge.ghost',
      style: { opacity: 0.35, 'line-style': 'dashed' },
    },
    {
      selector: 'node.faded',
      style: { opacity: 0.14 },
    },
    {
      selector: 'edge.faded',
      style: { opacity: 0.06, label: '' },
    },
    // "Only mine": the rest is hidden; concepts the user linked to stay, faded, as context.
    {
      selector: '.filtered',
      style: { display: 'none' },
    },
    {
      selector: 'node.context',
      style: { opacity: 0.45 },
    },
    // Drawing a link with the handle.
    {
      selector: '.eh-ghost-node',
      style: { width: 1, height: 1, opacity: 0, label: '', 'overlay-opacity': 0 },
    },
    {
      selector: '.eh-ghost-edge, .eh-preview',
      style: {
        'line-style': 'dashed',
        'line-color': p.mine,
        'target-arrow-color': p.mine,
        width: 2,
        opacity: 1,
        label: '',
      },
    },
    {
      selector: 'node.eh-presumptive-target, node.eh-target',
      style: {
        'underlay-color': p.mine,
        'underlay-padding': 6,
        'underlay-opacity': 0.35,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: '.eh-ghost-edge.eh-preview-active',
      style: { opacity: 0 },
    },
  ];
}

export function canvasColour(theme: Theme): string {
  return PALETTES[theme].canvas;
}
