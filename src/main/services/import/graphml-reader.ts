import {
  GROUP_RELATION,
  groupedWarning,
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
  kind: 'node' | 'edge';
  id: string;
  line: number;
  data: Map<string, string>;
  /** The text of the first yEd label (a group node has one per state). */
  yLabel: string;
  yLabels: number;
  x: number | null;
  y: number | null;
  /** For a node: the group node whose nested graph holds it. */
  parent: string | null;
}

function element(kind: 'node' | 'edge', id: string, line: number, parent: string | null): Element {
  return { kind, id, line, data: new Map(), yLabel: '', yLabels: 0, x: null, y: null, parent };
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
  /** The nodes and edges open around the parser, innermost last: yEd nests graphs in group nodes. */
  const open: Element[] = [];
  /** The innermost open node, whose nested graph (if any) holds the next nodes. */
  const openNode = () => open.findLast((e) => e.kind === 'node') ?? null;
  let grouped = 0;
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
            break;
          case 'node': {
            if (attributes.id === undefined) throw importError(file, line, 'a <node> has no id');
            const parent = openNode();
            if (parent) grouped++;
            open.push(element('node', attributes.id, line, parent?.id ?? null));
            break;
          }
          case 'edge': {
            if (!attributes.source || !attributes.target)
              throw importError(file, line, 'an <edge> needs a source and a target');
            const edge = element('edge', attributes.id ?? '', line, null);
            edgeEnds.set(edge, { source: attributes.source, target: attributes.target });
            open.push(edge);
            break;
          }
          case 'hyperedge':
            warnings.push(`line ${line}: a hyperedge was skipped; Cairn links join two concepts.`);
            break;
          case 'data':
            dataKey = attributes.key ?? null;
            text = '';
            break;
          case 'NodeLabel':
          case 'EdgeLabel': {
            const target = open.at(-1);
            if (target) target.yLabels++;
            inYLabel++;
            break;
          }
          case 'Geometry': {
            // The first geometry: a group node has one per state (open, closed).
            const target = open.at(-1);
            if (
              target?.kind === 'node' &&
              target.x === null &&
              attributes.x !== undefined &&
              attributes.y !== undefined
            ) {
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
          const target = open.at(-1);
          if (target?.yLabels === 1) target.yLabel += chunk;
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
            const target = open.at(-1);
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
            const n = open.pop()!;
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
            if (n.parent !== null) {
              links.push(
                importedLink(file, n.line, {
                  source: n.id,
                  target: n.parent,
                  relation: GROUP_RELATION,
                }),
              );
            }
            break;
          }
          case 'edge': {
            const e = open.pop()!;
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
            break;
          }
        }
      },
    },
    options,
  );
  if (grouped > 0) warnings.push(groupedWarning(grouped, 'inside group nodes (nested graphs)'));
  return { format: 'graphml', categories: [], concepts, links, warnings };
}
