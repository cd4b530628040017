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

// GEXF 1.1, 1.2 and 1.3 (Gephi, networkx): declared attributes map ids to titles,
// <attvalue for|id=… value=…> carries them, viz:position gives a layout.

const CATEGORY_TITLES = ['category', 'type', 'group', 'class', 'modularity_class'];
const DESCRIPTION_TITLES = ['description', 'desc'];
const RELATION_TITLES = ['relation', 'label', 'type', 'relationship'];

interface Element {
  kind: 'node' | 'edge';
  id: string;
  line: number;
  label: string | null;
  values: Map<string, string>;
  position: { x: number; y: number } | null;
  source?: string;
  target?: string;
  /** For a node: its groups, from an enclosing <node>, `pid` or <parent> elements. */
  parents: string[];
}

export async function readGexf(
  path: string,
  file: string,
  options: TextStreamOptions = {},
): Promise<ImportedGraph> {
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const defaults = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const concepts: ImportedConcept[] = [];
  const links: ImportedLink[] = [];
  const warnings: string[] = [];
  let attributeClass: 'node' | 'edge' = 'node';
  let attribute: string | null = null;
  let text = '';
  /** The node or edge being read, innermost last: GEXF nests nodes in nodes for hierarchies. */
  const open: Element[] = [];
  let grouped = 0;

  const value = (element: Element, kind: 'node' | 'edge', names: string[]) => {
    for (const [id, title] of titles[kind]) {
      if (!names.includes(title.toLowerCase())) continue;
      const v = element.values.get(id) ?? defaults[kind].get(id);
      if (v !== undefined && v.trim() !== '') return v;
    }
    return null;
  };

  await parseXmlFile(
    path,
    file,
    { root: 'gexf', name: 'GEXF' },
    {
      open(name, attrs, line) {
        const local = localName(name);
        switch (local) {
          case 'graph':
            if (attrs.defaultedgetype === 'undirected') {
              warnings.push(
                'The graph is undirected: each edge was read as a link from its source to its target.',
              );
            }
            break;
          case 'attributes':
            attributeClass = attrs.class === 'edge' ? 'edge' : 'node';
            break;
          case 'attribute':
            if (attrs.id !== undefined) {
              titles[attributeClass].set(attrs.id, attrs.title ?? attrs.id);
              attribute = attrs.id;
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
            open.push({
              kind: 'node',
              id: attrs.id,
              line,
              label: attrs.label ?? null,
              values: new Map(),
              position: null,
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
          case 'edge':
            if (!attrs.source || !attrs.target)
              throw importError(file, line, 'an <edge> needs a source and a target');
            open.push({
              kind: 'edge',
              id: attrs.id ?? '',
              line,
              label: attrs.label ?? null,
              values: new Map(),
              position: null,
              source: attrs.source,
              target: attrs.target,
              parents: [],
            });
            break;
          case 'attvalue': {
            const id = attrs.for ?? attrs.id;
            const current = open.at(-1);
            if (current && id !== undefined && attrs.value !== undefined)
              current.values.set(id, attrs.value);
            break;
          }
          case 'position': {
            const current = open.at(-1);
            if (current?.kind === 'node')
              current.position = { x: Number(attrs.x), y: Number(attrs.y) };
            break;
          }
        }
      },
      text(chunk) {
        text += chunk;
      },
      close(name) {
        const local = localName(name);
        if (local === 'default' && attribute !== null)
          defaults[attributeClass].set(attribute, text);
        if (local === 'attribute') attribute = null;
        if (local === 'node' && open.at(-1)?.kind === 'node') {
          const n = open.pop()!;
          concepts.push(
            importedConcept(file, n.line, {
              key: n.id,
              label: n.label,
              category: value(n, 'node', CATEGORY_TITLES),
              description: value(n, 'node', DESCRIPTION_TITLES),
              note: value(n, 'node', ['note']),
              tags: (value(n, 'node', ['tags']) ?? '').split(/[\s,|]+/),
              position: n.position,
            }),
          );
          for (const parent of n.parents) {
            links.push(
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
          links.push(
            importedLink(file, e.line, {
              source: e.source!,
              target: e.target!,
              relation: e.label ?? value(e, 'edge', RELATION_TITLES),
              note: value(e, 'edge', ['note']),
            }),
          );
        }
      },
    },
    options,
  );
  if (grouped > 0) warnings.push(groupedWarning(grouped, 'inside other nodes (a hierarchy)'));
  return { format: 'gexf', categories: [], concepts, links, warnings };
}
