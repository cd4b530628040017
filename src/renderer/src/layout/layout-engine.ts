import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import ELK from 'elkjs/lib/elk.bundled.js';
import { CONCEPT_SPACING, categoryClusters } from '../../../shared/category-layout';
import type { LayoutName } from '../../../shared/layouts';
import { fcoseOptions } from '../graph/layouts';

cytoscape.use(fcose);

/**
 * The layouts, computed away from the drawing: on a headless Cytoscape (fcose, concentric,
 * circle, grid), with elkjs (hierarchy) or by hand (by category). No DOM is needed, so the
 * same code runs in the layout worker and in unit tests.
 */

export interface LayoutConcept {
  id: string;
  category: string;
  degree: number;
  x: number | null;
  y: number | null;
  /** Stays where it is (pinned, or placed by hand and kept): laid out around. */
  fixed: boolean;
}

export interface LayoutLink {
  source: string;
  target: string;
}

export interface LayoutInput {
  concepts: LayoutConcept[];
  links: LayoutLink[];
  /** Concentric rings around these, when given (a local graph's focus). */
  focus?: string[];
}

export interface LaidOut {
  id: string;
  x: number;
  y: number;
}

const SPACING = CONCEPT_SPACING;

function headless(input: LayoutInput): Core {
  const known = new Set(input.concepts.map((c) => c.id));
  // Ids are user text: Cytoscape gets them prefixed, never as they are (see element-ids.ts).
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 24, height: 24 } }],
    elements: [
      ...input.concepts.map((c) => ({
        group: 'nodes' as const,
        data: { id: `n:${c.id}`, concept: c.id, degree: c.degree, category: c.category },
        position: { x: c.x ?? 0, y: c.y ?? 0 },
      })),
      ...input.links
        .filter((l) => known.has(l.source) && known.has(l.target))
        .map((l, i) => ({
          group: 'edges' as const,
          data: { id: `e:${i}`, source: `n:${l.source}`, target: `n:${l.target}` },
        })),
    ],
  });
}

async function runOnCytoscape(input: LayoutInput, options: LayoutOptions): Promise<LaidOut[]> {
  const cy = headless(input);
  const layout = cy.layout(options);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
  const out = cy.nodes().map((n) => ({
    id: n.data('concept') as string,
    x: n.position('x'),
    y: n.position('y'),
  }));
  cy.destroy();
  return out;
}

function fixedConstraint(input: LayoutInput) {
  return input.concepts
    .filter((c) => c.fixed && c.x !== null && c.y !== null)
    .map((c) => ({ nodeId: `n:${c.id}`, position: { x: c.x!, y: c.y! } }));
}

/** Layers along the links (elkjs' layered algorithm), for "part of" and "runs on" chains. */
async function hierarchy(input: LayoutInput): Promise<LaidOut[]> {
  const free = input.concepts.filter((c) => !c.fixed);
  const ids = new Set(free.map((c) => c.id));
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      // Components are packed into rows that keep the map about as wide as a window.
      'elk.aspectRatio': '1.5',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '80',
      'elk.layered.cycleBreaking.strategy': 'GREEDY',
    },
    children: free.map((c) => ({ id: `n:${c.id}`, width: 80, height: 30 })),
    edges: input.links
      .filter((l) => ids.has(l.source) && ids.has(l.target) && l.source !== l.target)
      .map((l, i) => ({ id: `e:${i}`, sources: [`n:${l.target}`], targets: [`n:${l.source}`] })),
  });
  return (graph.children ?? []).map((child) => ({
    id: child.id.slice(2),
    x: (child.x ?? 0) + 30,
    y: (child.y ?? 0) + 12,
  }));
}

function sortedForRings(input: LayoutInput): Map<string, number> {
  const focus = new Set(input.focus ?? []);
  if (focus.size === 0) return new Map(input.concepts.map((c) => [c.id, c.degree]));
  // Rings by hops from the focus: a breadth-first walk over the links, either direction.
  const next = new Map<string, string[]>();
  for (const l of input.links) {
    (next.get(l.source) ?? next.set(l.source, []).get(l.source)!).push(l.target);
    (next.get(l.target) ?? next.set(l.target, []).get(l.target)!).push(l.source);
  }
  const hops = new Map([...focus].map((id) => [id, 0]));
  let frontier = [...focus];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const other of next.get(id) ?? []) {
        if (!hops.has(other)) {
          hops.set(other, hops.get(id)! + 1);
          following.push(other);
        }
      }
    }
    frontier = following;
  }
  const far = Math.max(0, ...hops.values()) + 1;
  return new Map(input.concepts.map((c) => [c.id, far - (hops.get(c.id) ?? far)]));
}

/** The positions `name` gives the free concepts of `input`; fixed ones keep theirs. */
export async function computeLayout(name: LayoutName, input: LayoutInput): Promise<LaidOut[]> {
  if (input.concepts.length === 0) return [];
  const fixed = new Map(
    input.concepts
      .filter((c) => c.fixed && c.x !== null && c.y !== null)
      .map((c) => [c.id, { id: c.id, x: c.x!, y: c.y! }]),
  );
  const freeOnly = (all: LaidOut[]) => all.filter((p) => !fixed.has(p.id));
  const count = input.concepts.length;
  switch (name) {
    case 'force':
      return freeOnly(
        await runOnCytoscape(input, {
          ...fcoseOptions(count, false),
          fixedNodeConstraint: fixedConstraint(input),
        } as LayoutOptions),
      );
    case 'concentric': {
      const level = sortedForRings(input);
      return freeOnly(
        await runOnCytoscape(
          { ...input, concepts: input.concepts.filter((c) => !fixed.has(c.id)) },
          {
            name: 'concentric',
            concentric: (node) => level.get(node.data('concept') as string) ?? 0,
            levelWidth: () => (input.focus?.length ? 1 : 2),
            minNodeSpacing: 30,
            animate: false,
            fit: false,
          } as LayoutOptions,
        ),
      );
    }
    case 'circle':
      return runOnCytoscape(
        { ...input, concepts: input.concepts.filter((c) => !fixed.has(c.id)) },
        {
          name: 'circle',
          spacingFactor: 1.1,
          avoidOverlap: true,
          animate: false,
          fit: false,
          sort: (a, b) =>
            String(a.data('category')).localeCompare(String(b.data('category'))) ||
            (b.data('degree') as number) - (a.data('degree') as number),
        } as LayoutOptions,
      );
    case 'grid': {
      const free = input.concepts.filter((c) => !fixed.has(c.id));
      const side = Math.ceil(Math.sqrt(free.length));
      return runOnCytoscape({ ...input, concepts: free }, {
        name: 'grid',
        boundingBox: { x1: 0, y1: 0, w: side * SPACING * 1.8, h: side * SPACING * 1.2 },
        avoidOverlap: true,
        condense: true,
        animate: false,
        fit: false,
        sort: (a, b) =>
          String(a.data('category')).localeCompare(String(b.data('category'))) ||
          (b.data('degree') as number) - (a.data('degree') as number),
      } as LayoutOptions);
    }
    case 'categories':
      return categoryClusters(input.concepts.filter((c) => !c.fixed));
    case 'hierarchy':
      return hierarchy(input);
  }
}
