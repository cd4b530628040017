import { categoryLabels, type ExportGraph } from './export-model';
import { escapeXml } from './xml-text';

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
}

// `label`, `category` and `description` on nodes and `label` (the relation) on edges
// are the names networkx, Gephi, yEd and Cytoscape desktop pick up as attributes.
const KEYS: readonly Key[] = [
  { id: 'n_label', for: 'node', name: 'label' },
  { id: 'n_category', for: 'node', name: 'category' },
  { id: 'n_description', for: 'node', name: 'description' },
  { id: 'n_origin', for: 'node', name: 'origin' },
  { id: 'n_tags', for: 'node', name: 'tags' },
  { id: 'n_note', for: 'node', name: 'note' },
  { id: 'e_label', for: 'edge', name: 'label' },
  { id: 'e_origin', for: 'edge', name: 'origin' },
  { id: 'e_note', for: 'edge', name: 'note' },
];

function data(key: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `\n      <data key="${key}">${escapeXml(value)}</data>`;
}

/** GraphML 1.0 with string attributes, directed edges and ids taken from Cairn's stable ids. */
export function writeGraphml(graph: ExportGraph, emit: (chunk: string) => void): void {
  emit('<?xml version="1.0" encoding="UTF-8"?>\n');
  emit(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const key of KEYS) {
    emit(`  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="string"/>\n`);
  }
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
        '\n    </node>\n',
    );
  }
  graph.links.forEach((l, index) => {
    emit(
      `    <edge id="e${index}" source="${escapeXml(l.source)}" target="${escapeXml(l.target)}">` +
        data('e_label', l.relation) +
        data('e_origin', l.origin) +
        data('e_note', l.note) +
        '\n    </edge>\n',
    );
  });
  emit('  </graph>\n</graphml>\n');
}
