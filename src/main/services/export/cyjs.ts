import type { ExportAttribute } from './export-model';
import { normaliseHexColour } from './colour';
import type { ExportGraph } from './export-model';

/**
 * Cytoscape.js JSON, as `cy.json()` writes it and `cytoscape({ elements, style })` and
 * Cytoscape desktop (File › Import › Network from File, `.cyjs`) read it.
 */
export function writeCytoscapeJson(graph: ExportGraph, emit: (chunk: string) => void): void {
  const colours = new Map<string, string>();
  const categoryLabels = new Map<string, string>();
  const shapes = new Map<string, string>();
  for (const category of graph.categories) {
    const colour = normaliseHexColour(category.color);
    if (colour) colours.set(category.id, colour);
    categoryLabels.set(category.id, category.label);
    shapes.set(category.id, category.shape);
  }
  // Cytoscape.js keeps nodes and edges in one id space, so an edge id must not be a concept id.
  const nodeIds = new Set(graph.concepts.map((c) => c.id));
  let prefix = 'e';
  const clashes = (p: string) =>
    [...nodeIds].some((id) => id.startsWith(p) && /^\d+$/.test(id.slice(p.length)));
  while (clashes(prefix)) prefix = `_${prefix}`;

  emit('{\n  "format_version": "1.0",\n  "generated_by": "Cairn",\n');
  emit('  "data": { "name": "Cairn" },\n');
  emit(
    '  "style": [\n' +
      '    { "selector": "node", "style": { "label": "data(label)", "background-color": "data(color)", "shape": "data(shape)" } },\n' +
      '    { "selector": "edge", "style": { "label": "data(label)", "curve-style": "bezier", "target-arrow-shape": "triangle" } }\n' +
      '  ],\n',
  );
  emit('  "elements": {\n    "nodes": [');
  graph.concepts.forEach((c, i) => {
    const element = {
      data: {
        id: c.id,
        label: c.label,
        category: c.category,
        categoryLabel: categoryLabels.get(c.category) ?? c.category,
        color: colours.get(c.category) ?? '#999999',
        shape: shapes.get(c.category) ?? 'ellipse',
        description: c.description,
        origin: c.origin,
        tags: c.tags,
        note: c.note,
        ...attributeData(c),
      },
      ...(c.position ? { position: { x: c.position.x, y: c.position.y } } : {}),
    };
    emit(`${i === 0 ? '' : ','}\n      ${JSON.stringify(element)}`);
  });
  emit('\n    ],\n    "edges": [');
  graph.links.forEach((l, i) => {
    const element = {
      data: {
        id: `${prefix}${i}`,
        source: l.source,
        target: l.target,
        label: l.relation,
        relation: l.relation,
        origin: l.origin,
        ...(l.kind === 'mention' ? { kind: 'mention' } : {}),
        note: l.note,
        ...attributeData(l),
      },
    };
    emit(`${i === 0 ? '' : ','}\n      ${JSON.stringify(element)}`);
  });
  emit('\n    ]\n  }\n}\n');
}

/** Keys a data object of Cairn's already holds, or that no JSON reader should be handed. */
const RESERVED = new Set([
  'id',
  'label',
  'category',
  'categoryLabel',
  'color',
  'description',
  'origin',
  'tags',
  'note',
  'source',
  'target',
  'relation',
  'kind',
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Attributes as data fields, numbers and booleans as JSON numbers and booleans. A name
 * Cairn's own fields use gets an `attribute:` prefix. Built without a prototype, since
 * the names are the file's own text.
 */
function attributeData(item: { attributes?: readonly ExportAttribute[] }) {
  const data: Record<string, string | number | boolean> = Object.create(null);
  for (const { name, type, value } of item.attributes ?? []) {
    let key = name;
    while (RESERVED.has(key) || Object.hasOwn(data, key)) key = `attribute:${key}`;
    data[key] =
      type === 'boolean'
        ? value.trim().toLowerCase() === 'true'
        : type === 'string' || !Number.isFinite(Number(value))
          ? value
          : Number(value);
  }
  return data;
}
