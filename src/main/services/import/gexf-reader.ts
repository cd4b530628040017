import { fieldRoles, type Role } from './field-roles';
import {
  attributeType,
  GROUP_RELATION,
  groupedWarning,
  importedAttribute,
  importedConcept,
  importedLink,
  importError,
  type AttributeType,
  type ImportedAttribute,
  type ImportSink,
} from './imported-graph';
import type { TextStreamOptions } from './read-text';
import { localName, parseXmlFile } from './xml-stream';

// GEXF 1.1, 1.2 and 1.3 (Gephi, networkx): declared attributes map ids to titles,
// <attvalue for|id=… value=…> carries them, viz:position gives a layout. A node's
// children (<nodes> inside a <node>, `pid`, <parent>) make a hierarchy.

interface Declared {
  title: string;
  type: AttributeType;
  role: Role | null;
  default: string | null;
}

interface Element {
  kind: 'node' | 'edge';
  id: string;
  line: number;
  label: string | null;
  values: Map<string, string>;
  position: { x: number; y: number } | null;
  source: string;
  target: string;
  /** XML attributes with data of their own: an edge's `weight`, a 1.3 edge `kind`. */
  extra: ImportedAttribute[];
  /** For a node: its groups, from an enclosing <node>, `pid` or <parent> elements. */
  parents: string[];
}

export async function readGexf(
  path: string,
  file: string,
  sink: ImportSink,
  options: TextStreamOptions = {},
): Promise<void> {
  const declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  let attributeClass: 'node' | 'edge' = 'node';
  let attribute: Declared | null = null;
  let text = '';
  let inCreator = false;
  let creator = '';
  /** The node or edge being read, innermost last: GEXF nests nodes in nodes for hierarchies. */
  const open: Element[] = [];
  let grouped = 0;
  let drawn = 0;
  let dynamic = 0;

  const sortValues = (e: Element) => {
    const fields = new Map<string, { priority: number; value: string; id: string }>();
    const rest: [Declared | undefined, string, string][] = [];
    const consider = (id: string, d: Declared | undefined, value: string) => {
      if (value.trim() === '') return;
      const role = d?.role?.(value);
      if (role) {
        const best = fields.get(role.field);
        if (!best || role.priority < best.priority) {
          // A lesser alias it displaces (a `name` beside a `label`) is kept as an attribute.
          if (best) rest.push([declared[e.kind].get(best.id), best.id, best.value]);
          fields.set(role.field, { priority: role.priority, value, id });
          return;
        }
      }
      rest.push([d, id, value]);
    };
    for (const [id, value] of e.values) consider(id, declared[e.kind].get(id), value);
    for (const [id, d] of declared[e.kind]) {
      if (d.default !== null && !e.values.has(id)) consider(id, d, d.default);
    }
    const attributes = [...e.extra];
    for (const [d, id, value] of rest) {
      attributes.push(importedAttribute(file, e.line, d?.title ?? id, d?.type ?? 'string', value));
    }
    return { get: (field: string) => fields.get(field)?.value ?? null, attributes };
  };

  await parseXmlFile(
    path,
    file,
    { root: 'gexf', name: 'GEXF' },
    {
      open(name, attrs, line) {
        const local = localName(name);
        switch (local) {
          case 'creator':
            inCreator = true;
            break;
          case 'graph':
            if (attrs.defaultedgetype === 'undirected') {
              sink.warning(
                'The graph is undirected: each edge was read as a link from its source to its target.',
              );
            }
            break;
          case 'attributes':
            attributeClass = attrs.class === 'edge' ? 'edge' : 'node';
            break;
          case 'attribute':
            if (attrs.id !== undefined) {
              const title = attrs.title ?? attrs.id;
              attribute = {
                title,
                type: attributeType(attrs.type),
                role: fieldRoles(attributeClass, title),
                default: null,
              };
              declared[attributeClass].set(attrs.id, attribute);
            }
            break;
          case 'default':
            text = '';
            break;
          case 'node': {
            if (attrs.id === undefined) throw importError(file, line, 'a <node> has no id');
            const enclosing = open.findLast((e) => e.kind === 'node');
            const parents = [enclosing?.id, attrs.pid].filter((p): p is string => !!p);
            if (parents.length > 0) grouped++;
            if (attrs.start !== undefined || attrs.end !== undefined) dynamic++;
            open.push({
              kind: 'node',
              id: attrs.id,
              line,
              label: attrs.label ?? null,
              values: new Map(),
              position: null,
              source: '',
              target: '',
              extra: [],
              parents: [...new Set(parents)],
            });
            break;
          }
          case 'parent': {
            // GEXF 1.1's form for a node in several groups: <parents><parent for="…"/></parents>.
            const child = open.at(-1);
            if (child?.kind === 'node' && attrs.for && !child.parents.includes(attrs.for)) {
              if (child.parents.length === 0) grouped++;
              child.parents.push(attrs.for);
            }
            break;
          }
          case 'edge': {
            if (!attrs.source || !attrs.target)
              throw importError(file, line, 'an <edge> needs a source and a target');
            if (attrs.start !== undefined || attrs.end !== undefined) dynamic++;
            const extra: ImportedAttribute[] = [];
            if (attrs.weight !== undefined)
              extra.push(importedAttribute(file, line, 'weight', 'double', attrs.weight));
            // Cairn's GEXF 1.3 repeats the relation as the edge's kind; any other kind is data.
            if (attrs.kind !== undefined && attrs.kind !== attrs.label)
              extra.push(importedAttribute(file, line, 'kind', 'string', attrs.kind));
            open.push({
              kind: 'edge',
              id: attrs.id ?? '',
              line,
              label: attrs.label ?? null,
              values: new Map(),
              position: null,
              source: attrs.source,
              target: attrs.target,
              extra,
              parents: [],
            });
            break;
          }
          case 'attvalue': {
            const id = attrs.for ?? attrs.id;
            const current = open.at(-1);
            if (current && id !== undefined && attrs.value !== undefined)
              current.values.set(id, attrs.value);
            if (attrs.start !== undefined || attrs.end !== undefined) dynamic++;
            break;
          }
          case 'position': {
            const current = open.at(-1);
            if (current?.kind === 'node')
              current.position = { x: Number(attrs.x), y: Number(attrs.y) };
            break;
          }
          case 'color':
          case 'size':
          case 'shape':
          case 'thickness':
            if (open.length > 0 && creator !== 'Cairn') drawn++;
            break;
          case 'spell':
            dynamic++;
            break;
        }
      },
      text(chunk) {
        if (inCreator) creator += chunk;
        text += chunk;
      },
      close(name) {
        const local = localName(name);
        if (local === 'creator') {
          inCreator = false;
          creator = creator.trim();
        }
        if (local === 'default' && attribute !== null) attribute.default = text;
        if (local === 'attribute') attribute = null;
        if (local === 'node' && open.at(-1)?.kind === 'node') {
          const n = open.pop()!;
          const { get, attributes } = sortValues(n);
          sink.concept(
            importedConcept(file, n.line, {
              key: n.id,
              label: n.label ?? get('label'),
              category: get('category'),
              description: get('description'),
              note: get('note'),
              tags: get('tags')?.split(/[\s,|]+/),
              position: n.position,
              attributes,
            }),
          );
          for (const parent of n.parents) {
            sink.link(
              importedLink(file, n.line, {
                source: n.id,
                target: parent,
                relation: GROUP_RELATION,
              }),
            );
          }
        }
        if (local === 'edge' && open.at(-1)?.kind === 'edge') {
          const e = open.pop()!;
          const { get, attributes } = sortValues(e);
          sink.link(
            importedLink(file, e.line, {
              source: e.source,
              target: e.target,
              relation: e.label ?? get('relation'),
              note: get('note'),
              kind: get('kind') === 'mention' ? 'mention' : undefined,
              attributes,
            }),
          );
        }
      },
    },
    options,
  );
  if (grouped > 0) sink.warning(groupedWarning(grouped, 'inside other nodes (a hierarchy)'));
  if (drawn > 0)
    sink.warning(
      `The drawing of ${drawn.toLocaleString('en')} nodes and edges (colours, sizes, shapes) was not kept; their positions were.`,
    );
  if (dynamic > 0)
    sink.warning(
      `${dynamic.toLocaleString('en')} time spans (start, end, spells) were not kept: Cairn keeps a graph as it is now.`,
    );
}
