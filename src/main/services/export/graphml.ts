import {
  attributeValues,
  categoryLabels,
  declaredAttributes,
  type ExportGraph,
} from './export-model';
import { escapeXml } from './xml-text';

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: string;
}

// `label`, `category` and `description` on nodes and `label` (the relation) on edges
// are the names networkx, Gephi, yEd and Cytoscape desktop pick up as attributes.
// `kind` marks the links a note's [[wikilinks]] make, so an import makes them again
// from the note instead of taking them for links named "mentions".
const KEYS: readonly Key[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_category', for: 'node', name: 'category', type: 'string' },
  { id: 'n_description', for: 'node', name: 'description', type: 'string' },
  { id: 'n_origin', for: 'node', name: 'origin', type: 'string' },
  { id: 'n_tags', for: 'node', name: 'tags', type: 'string' },
  { id: 'n_note', for: 'node', name: 'note', type: 'string' },
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_origin', for: 'edge', name: 'origin', type: 'string' },
  { id: 'e_kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'e_note', for: 'edge', name: 'note', type: 'string' },
];

function data(key: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `\n      <data key="${key}">${escapeXml(value)}</data>`;
}

/**
 * GraphML 1.0 with directed edges and ids taken from Cairn's stable ids. Attributes an
 * import brought (a Gephi `degree`, an edge `weight`) get keys of their own, with their
 * types, so they go back out as they came in.
 */
export function writeGraphml(graph: ExportGraph, emit: (chunk: string) => void): void {
  emit('<?xml version="1.0" encoding="UTF-8"?>\n');
  emit(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  const extra = {
    node: [...declaredAttributes(graph.concepts)].map(([name, type], i) => ({
      id: `n_a${i}`,
      for: 'node' as const,
      name,
      type,
    })),
    edge: [...declaredAttributes(graph.links)].map(([name, type], i) => ({
      id: `e_a${i}`,
      for: 'edge' as const,
      name,
      type,
    })),
  };
  for (const key of [...KEYS, ...extra.node, ...extra.edge]) {
    emit(
      `  <key id="${key.id}" for="${key.for}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`,
    );
  }
  const extraData = (keys: readonly Key[], values: Map<string, string>) =>
    keys.map((k) => data(k.id, values.get(k.name))).join('');
  emit('  <graph id="cairn" edgedefault="directed">\n');
  const categories = categoryLabels(graph);
  for (const c of graph.concepts) {
    emit(
      `    <node id="${escapeXml(c.id)}">` +
        data('n_label', c.label) +
        data('n_category', categories.get(c.category) ?? c.category) +
        data('n_description', c.description) +
        data('n_origin', c.origin) +
        data('n_tags', c.tags.join(' ')) +
        data('n_note', c.note) +
        (c.attributes ? extraData(extra.node, attributeValues(c)) : '') +
        '\n    </node>\n',
    );
  }
  graph.links.forEach((l, index) => {
    emit(
      `    <edge id="e${index}" source="${escapeXml(l.source)}" target="${escapeXml(l.target)}">` +
        data('e_label', l.relation) +
        data('e_origin', l.origin) +
        data('e_kind', l.kind === 'mention' ? 'mention' : null) +
        data('e_note', l.note) +
        (l.attributes ? extraData(extra.edge, attributeValues(l)) : '') +
        '\n    </edge>\n',
    );
  });
  emit('  </graph>\n</graphml>\n');
}
