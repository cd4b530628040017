import {
  attributeType,
  GROUP_RELATION,
  groupedWarning,
  importedAttribute,
  importedConcept,
  importedLink,
  importError,
  type ImportedAttribute,
  type ImportSink,
} from './imported-graph';
import { fieldRoles, type Role } from './field-roles';
import type { TextStreamOptions } from './read-text';
import { localName, parseXmlFile } from './xml-stream';

interface Key {
  name: string;
  for: string;
  type: string | undefined;
  yfiles: boolean;
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
  source: string;
  target: string;
  /** Its depth in the document: its own <data> are the elements one deeper. */
  depth: number;
}

function element(
  kind: 'node' | 'edge',
  id: string,
  line: number,
  depth: number,
  parent: string | null,
  ends: { source: string; target: string } = { source: '', target: '' },
): Element {
  return {
    kind,
    id,
    line,
    data: new Map(),
    yLabel: '',
    yLabels: 0,
    x: null,
    y: null,
    parent,
    ...ends,
    depth,
  };
}

/**
 * Reads GraphML (networkx, igraph, Gephi, yEd, Cytoscape desktop) into `sink` as it
 * streams. Each <data> value becomes a field when its key's name is one Cairn knows
 * (field-roles.ts); every other value is kept as an attribute with its declared type.
 */
export async function readGraphml(
  path: string,
  file: string,
  sink: ImportSink,
  options: TextStreamOptions = {},
): Promise<void> {
  const keys = new Map<string, Key>();
  let key: Key | null = null;
  /** The nodes and edges open around the parser, innermost last: yEd nests graphs in group nodes. */
  const open: Element[] = [];
  const openNode = () => open.findLast((e) => e.kind === 'node') ?? null;
  const roles = { node: new Map<string, Role | null>(), edge: new Map<string, Role | null>() };
  const defaults = { node: [] as string[], edge: [] as string[] };
  let keysSettled = false;
  let grouped = 0;
  let drawn = 0;
  const graphData = new Set<string>();
  let dataKey: string | null = null;
  let dataLine = 0;
  let dataDepth = 0;
  /** Keys of <data> inside a <port>, <hyperedge> or the like: nothing Cairn keeps. */
  const elsewhereData = new Set<string>();
  let text = '';
  let inYLabel = 0;

  /** Once the first node or edge opens, every key is known: sort them into roles once. */
  const settleKeys = () => {
    if (keysSettled) return;
    keysSettled = true;
    for (const [id, k] of keys) {
      for (const kind of ['node', 'edge'] as const) {
        if (k.for !== kind && k.for !== 'all') continue;
        roles[kind].set(id, k.yfiles ? null : fieldRoles(kind, k.name));
        if (k.default !== null) defaults[kind].push(id);
      }
    }
  };

  /** The fields Cairn knows, and every other value as an attribute. */
  const sortValues = (e: Element) => {
    const fields = new Map<string, { priority: number; value: string; id: string }>();
    const attributes: ImportedAttribute[] = [];
    const rest: string[] = [];
    const consider = (id: string, value: string) => {
      if (value.trim() === '') return;
      const role = roles[e.kind].get(id)?.(value);
      if (role) {
        const best = fields.get(role.field);
        if (!best || role.priority < best.priority) {
          // A lesser alias it displaces (a `name` beside a `label`) is kept as an attribute.
          if (best) rest.push(best.id);
          fields.set(role.field, { priority: role.priority, value, id });
          return;
        }
      }
      rest.push(id);
    };
    for (const [id, value] of e.data) consider(id, value);
    for (const id of defaults[e.kind]) if (!e.data.has(id)) consider(id, keys.get(id)!.default!);
    for (const id of rest) {
      const k = keys.get(id);
      const value = e.data.get(id) ?? k?.default ?? '';
      attributes.push(
        importedAttribute(file, e.line, k?.name ?? id, attributeType(k?.type), value),
      );
    }
    const get = (field: string) => fields.get(field)?.value ?? null;
    return { get, attributes };
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
              for: attributes.for ?? 'all',
              type: attributes['attr.type'],
              yfiles: attributes['yfiles.type'] !== undefined,
              default: null,
            };
            keys.set(attributes.id, key);
            break;
          }
          case 'default':
            text = '';
            break;
          case 'graph':
            if (attributes.edgedefault === 'undirected' && depth === 1) {
              sink.warning(
                'The graph is undirected: each edge was read as a link from its source to its target.',
              );
            }
            break;
          case 'node': {
            if (attributes.id === undefined) throw importError(file, line, 'a <node> has no id');
            settleKeys();
            const parent = openNode();
            if (parent) grouped++;
            open.push(element('node', attributes.id, line, depth, parent?.id ?? null));
            break;
          }
          case 'edge': {
            if (!attributes.source || !attributes.target)
              throw importError(file, line, 'an <edge> needs a source and a target');
            settleKeys();
            open.push(
              element('edge', attributes.id ?? '', line, depth, null, {
                source: attributes.source,
                target: attributes.target,
              }),
            );
            break;
          }
          case 'hyperedge':
            sink.warning(`line ${line}: a hyperedge was skipped; Cairn links join two concepts.`);
            break;
          case 'data':
            dataKey = attributes.key ?? null;
            dataLine = line;
            dataDepth = depth;
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
            if (!target) {
              if (text.trim() !== '') graphData.add(k?.name ?? dataKey ?? '?');
            } else if (dataDepth !== target.depth + 1) {
              // Not the node's or edge's own: a port's, a hyperedge's, a nested graph's.
              if (text.trim() !== '' && !k?.yfiles) elsewhereData.add(k?.name ?? dataKey ?? '?');
            } else if (dataKey && k?.yfiles) {
              if (target.kind === 'node' || target.kind === 'edge') drawn++;
            } else if (dataKey) {
              // The same key twice with two values: keeping either would lose the other.
              const earlier = target.data.get(dataKey);
              if (earlier !== undefined && earlier !== text)
                throw importError(
                  file,
                  dataLine,
                  `the ${target.kind} "${target.id.slice(0, 60)}" gives <data key="${dataKey.slice(0, 60)}"> two different values`,
                );
              target.data.set(dataKey, text);
            }
            dataKey = null;
            break;
          }
          case 'NodeLabel':
          case 'EdgeLabel':
            inYLabel--;
            break;
          case 'node': {
            const n = open.pop()!;
            const { get, attributes } = sortValues(n);
            const x = get('x');
            const y = get('y');
            // Gephi writes x and y attributes; yEd a geometry element.
            const position =
              x !== null && y !== null
                ? { x: Number(x), y: Number(y) }
                : n.x !== null && n.y !== null
                  ? { x: n.x, y: n.y }
                  : null;
            sink.concept(
              importedConcept(file, n.line, {
                key: n.id,
                label: get('label') ?? (n.yLabel.trim() || null),
                category: get('category'),
                description: get('description'),
                note: get('note'),
                tags: get('tags')?.split(/[\s,]+/),
                position,
                attributes,
              }),
            );
            if (n.parent !== null) {
              sink.link(
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
            const { get, attributes } = sortValues(e);
            sink.link(
              importedLink(file, e.line, {
                source: e.source,
                target: e.target,
                relation: get('relation') ?? (e.yLabel.trim() || null),
                note: get('note'),
                kind: get('kind') === 'mention' ? 'mention' : undefined,
                attributes,
              }),
            );
            break;
          }
        }
      },
    },
    options,
  );
  if (grouped > 0) sink.warning(groupedWarning(grouped, 'inside group nodes (nested graphs)'));
  if (drawn > 0)
    sink.warning(
      `yEd's drawing of ${drawn.toLocaleString('en')} nodes and edges (shapes, colours, sizes) was not kept; their labels and positions were.`,
    );
  if (elsewhereData.size > 0)
    sink.warning(
      `Values of ${[...elsewhereData].slice(0, 5).join(', ')} inside ports, hyperedges or nested graphs were not kept: Cairn keeps attributes on concepts and links.`,
    );
  if (graphData.size > 0)
    sink.warning(
      `The graph's own attributes (${[...graphData].slice(0, 5).join(', ')}) were not kept: Cairn keeps attributes on concepts and links.`,
    );
}
