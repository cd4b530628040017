import {
  importedConcept,
  importedLink,
  importError,
  type ImportedConcept,
  type ImportedGraph,
  type ImportedLink,
} from './imported-graph';
import type { TextStreamOptions } from './read-text';
import { localName, parseXmlFile } from './xml-stream';

// Attribute names other tools use for the same field, compared case-insensitively:
// Cairn and networkx (label), igraph and Cytoscape desktop (name), Gephi (label),
// yEd (its own graphics keys, read separately below).
const NODE_LABEL = ['label', 'name', 'title', 'shared name'];
const NODE_CATEGORY = ['category', 'type', 'group', 'class', 'kind'];
const NODE_DESCRIPTION = ['description', 'desc', 'tooltip', 'comment'];
const EDGE_RELATION = [
  'label',
  'relation',
  'relationship',
  'interaction',
  'type',
  'edge label',
  'name',
];

interface Key {
  name: string;
  yfiles: string | null;
  default: string | null;
}

interface Element {
  id: string;
  line: number;
  data: Map<string, string>;
  yLabel: string;
  x: number | null;
  y: number | null;
}

export async function readGraphml(
  path: string,
  file: string,
  options: TextStreamOptions = {},
): Promise<ImportedGraph> {
  const keys = new Map<string, Key>();
  const concepts: ImportedConcept[] = [];
  const links: (ImportedLink & { id?: string })[] = [];
  const warnings: string[] = [];
  const edgeEnds = new WeakMap<Element, { source: string; target: string }>();
  let key: Key | null = null;
  let node: Element | null = null;
  let edge: Element | null = null;
  let dataKey: string | null = null;
  let text = '';
  let inYLabel = 0;

  /** Which elements a key applies to (`node`, `edge` or `all`), for its default value. */
  const keyFor = new Map<string, string>();
  /** The first non-empty value among attributes with one of these names. */
  const field = (element: Element, names: string[], forWhat: 'node' | 'edge') => {
    for (const name of names) {
      for (const [id, k] of keys) {
        if (k.name.toLowerCase() !== name) continue;
        const value =
          element.data.get(id) ??
          (keyFor.get(id) === forWhat || keyFor.get(id) === 'all' ? k.default : null);
        if (value !== null && value !== undefined && value.trim() !== '') return value;
      }
    }
    return null;
  };

  await parseXmlFile(
    path,
    file,
    { root: 'graphml', name: 'GraphML' },
    {
      open(name, attributes, line, depth) {
        const local = localName(name);
        switch (local) {
          case 'key': {
            if (!attributes.id) throw importError(file, line, 'a <key> has no id');
            key = {
              name: attributes['attr.name'] ?? attributes.id,
              yfiles: attributes['yfiles.type'] ?? null,
              default: null,
            };
            keys.set(attributes.id, key);
            keyFor.set(attributes.id, attributes.for ?? 'all');
            break;
          }
          case 'default':
            text = '';
            break;
          case 'graph':
            if (attributes.edgedefault === 'undirected' && depth === 1) {
              warnings.push(
                'The graph is undirected: each edge was read as a link from its source to its target.',
              );
            }
            if (depth > 1)
              warnings.push(`line ${line}: a nested graph was flattened into the main graph.`);
            break;
          case 'node':
            if (attributes.id === undefined) throw importError(file, line, 'a <node> has no id');
            node = { id: attributes.id, line, data: new Map(), yLabel: '', x: null, y: null };
            break;
          case 'edge':
            if (!attributes.source || !attributes.target)
              throw importError(file, line, 'an <edge> needs a source and a target');
            edge = { id: attributes.id ?? '', line, data: new Map(), yLabel: '', x: null, y: null };
            edgeEnds.set(edge, { source: attributes.source, target: attributes.target });
            break;
          case 'hyperedge':
            warnings.push(`line ${line}: a hyperedge was skipped; Cairn links join two concepts.`);
            break;
          case 'data':
            dataKey = attributes.key ?? null;
            text = '';
            break;
          case 'NodeLabel':
          case 'EdgeLabel':
            inYLabel++;
            break;
          case 'Geometry': {
            const target = node;
            if (target && attributes.x !== undefined && attributes.y !== undefined) {
              // yEd gives the top-left corner; close enough for a starting layout.
              target.x = Number(attributes.x);
              target.y = Number(attributes.y);
            }
            break;
          }
        }
      },
      text(chunk) {
        if (inYLabel > 0) {
          const target = edge ?? node;
          if (target) target.yLabel += chunk;
        } else text += chunk;
      },
      close(name) {
        const local = localName(name);
        switch (local) {
          case 'default':
            if (key) key.default = text;
            break;
          case 'key':
            key = null;
            break;
          case 'data': {
            const target = edge ?? node;
            const k = dataKey ? keys.get(dataKey) : undefined;
            if (target && dataKey && !k?.yfiles) target.data.set(dataKey, text);
            dataKey = null;
            break;
          }
          case 'NodeLabel':
          case 'EdgeLabel':
            inYLabel--;
            break;
          case 'node': {
            const n = node!;
            const x = field(n, ['x'], 'node');
            const y = field(n, ['y'], 'node');
            // Gephi writes x and y attributes; yEd a geometry element.
            const position =
              x !== null && y !== null
                ? { x: Number(x), y: Number(y) }
                : n.x !== null && n.y !== null
                  ? { x: n.x, y: n.y }
                  : null;
            concepts.push(
              importedConcept(file, n.line, {
                key: n.id,
                label: field(n, NODE_LABEL, 'node') ?? (n.yLabel.trim() || null),
                category: field(n, NODE_CATEGORY, 'node'),
                description: field(n, NODE_DESCRIPTION, 'node'),
                note: field(n, ['note'], 'node'),
                tags: (field(n, ['tags'], 'node') ?? '').split(/[\s,]+/),
                position,
              }),
            );
            node = null;
            break;
          }
          case 'edge': {
            const e = edge!;
            const ends = edgeEnds.get(e)!;
            links.push(
              importedLink(file, e.line, {
                source: ends.source,
                target: ends.target,
                relation: field(e, EDGE_RELATION, 'edge') ?? (e.yLabel.trim() || null),
                note: field(e, ['note'], 'edge'),
                kind: field(e, ['kind'], 'edge') === 'mention' ? 'mention' : undefined,
              }),
            );
            edge = null;
            break;
          }
        }
      },
    },
    options,
  );
  return { format: 'graphml', categories: [], concepts, links, warnings };
}
